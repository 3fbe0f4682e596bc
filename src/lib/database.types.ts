export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  public: {
    Tables: {
      activity: {
        Row: {
          actor_id: string | null
          audience: string
          created_at: string
          id: number
          subject_id: string | null
          subject_table: string
          summary: string | null
          verb: string
          workstream_id: string | null
        }
        Insert: {
          actor_id?: string | null
          audience?: string
          created_at?: string
          id?: never
          subject_id?: string | null
          subject_table: string
          summary?: string | null
          verb: string
          workstream_id?: string | null
        }
        Update: {
          actor_id?: string | null
          audience?: string
          created_at?: string
          id?: never
          subject_id?: string | null
          subject_table?: string
          summary?: string | null
          verb?: string
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "activity_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "activity_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "activity_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      calendar_feeds: {
        Row: {
          created_at: string
          token: string
          updated_at: string
          user_id: string
          version: number
        }
        Insert: {
          created_at?: string
          token?: string
          updated_at?: string
          user_id?: string
          version?: number
        }
        Update: {
          created_at?: string
          token?: string
          updated_at?: string
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "calendar_feeds_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      check_ins: {
        Row: {
          author_id: string | null
          commitment_id: string
          created_at: string
          id: string
          next_check_in_on: string | null
          note: string
          status_from: Database["public"]["Enums"]["commitment_status"] | null
          status_to: Database["public"]["Enums"]["commitment_status"] | null
          updated_at: string
          version: number
        }
        Insert: {
          author_id?: string | null
          commitment_id: string
          created_at?: string
          id?: string
          next_check_in_on?: string | null
          note: string
          status_from?: Database["public"]["Enums"]["commitment_status"] | null
          status_to?: Database["public"]["Enums"]["commitment_status"] | null
          updated_at?: string
          version?: number
        }
        Update: {
          author_id?: string | null
          commitment_id?: string
          created_at?: string
          id?: string
          next_check_in_on?: string | null
          note?: string
          status_from?: Database["public"]["Enums"]["commitment_status"] | null
          status_to?: Database["public"]["Enums"]["commitment_status"] | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "check_ins_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "check_ins_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "check_ins_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
        ]
      }
      commitment_outcomes: {
        Row: {
          commitment_id: string
          created_at: string
          outcome_id: string
        }
        Insert: {
          commitment_id: string
          created_at?: string
          outcome_id: string
        }
        Update: {
          commitment_id?: string
          created_at?: string
          outcome_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "commitment_outcomes_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_outcomes_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_outcomes_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
        ]
      }
      commitment_watchers: {
        Row: {
          commitment_id: string
          created_at: string
          kind: Database["public"]["Enums"]["watch_kind"]
          note: string | null
          updated_at: string
          user_id: string
          version: number
        }
        Insert: {
          commitment_id: string
          created_at?: string
          kind?: Database["public"]["Enums"]["watch_kind"]
          note?: string | null
          updated_at?: string
          user_id?: string
          version?: number
        }
        Update: {
          commitment_id?: string
          created_at?: string
          kind?: Database["public"]["Enums"]["watch_kind"]
          note?: string | null
          updated_at?: string
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "commitment_watchers_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_watchers_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitment_watchers_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      commitments: {
        Row: {
          archived_at: string | null
          closing_note: string | null
          completed_at: string | null
          created_at: string
          description: string | null
          due_on: string | null
          id: string
          next_check_in_on: string | null
          owner_id: string
          search_vector: unknown
          so_that: string | null
          status: Database["public"]["Enums"]["commitment_status"]
          title: string
          updated_at: string
          version: number
          visibility: Database["public"]["Enums"]["visibility"]
          workstream_id: string | null
        }
        Insert: {
          archived_at?: string | null
          closing_note?: string | null
          completed_at?: string | null
          created_at?: string
          description?: string | null
          due_on?: string | null
          id?: string
          next_check_in_on?: string | null
          owner_id?: string
          search_vector?: never
          so_that?: string | null
          status?: Database["public"]["Enums"]["commitment_status"]
          title: string
          updated_at?: string
          version?: number
          visibility?: Database["public"]["Enums"]["visibility"]
          workstream_id?: string | null
        }
        Update: {
          archived_at?: string | null
          closing_note?: string | null
          completed_at?: string | null
          created_at?: string
          description?: string | null
          due_on?: string | null
          id?: string
          next_check_in_on?: string | null
          owner_id?: string
          search_vector?: never
          so_that?: string | null
          status?: Database["public"]["Enums"]["commitment_status"]
          title?: string
          updated_at?: string
          version?: number
          visibility?: Database["public"]["Enums"]["visibility"]
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "commitments_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      email_outbox: {
        Row: {
          attempts: number
          created_at: string
          id: number
          idempotency_key: string
          kind: Database["public"]["Enums"]["email_kind"]
          last_error: string | null
          next_attempt_at: string
          payload: NonNullable<Json>
          recipient_id: string
          sent_at: string | null
          status: Database["public"]["Enums"]["email_status"]
          unsubscribe_token: string
          updated_at: string
          version: number
        }
        Insert: {
          attempts?: number
          created_at?: string
          id?: never
          idempotency_key: string
          kind: Database["public"]["Enums"]["email_kind"]
          last_error?: string | null
          next_attempt_at?: string
          payload?: NonNullable<Json>
          recipient_id: string
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_status"]
          unsubscribe_token?: string
          updated_at?: string
          version?: number
        }
        Update: {
          attempts?: number
          created_at?: string
          id?: never
          idempotency_key?: string
          kind?: Database["public"]["Enums"]["email_kind"]
          last_error?: string | null
          next_attempt_at?: string
          payload?: NonNullable<Json>
          recipient_id?: string
          sent_at?: string | null
          status?: Database["public"]["Enums"]["email_status"]
          unsubscribe_token?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "email_outbox_recipient_id_fkey"
            columns: ["recipient_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      email_preferences: {
        Row: {
          created_at: string
          muted_kinds: Database["public"]["Enums"]["email_kind"][]
          outcome_outputs_at_once: boolean
          profile_id: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          muted_kinds?: Database["public"]["Enums"]["email_kind"][]
          outcome_outputs_at_once?: boolean
          profile_id?: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          muted_kinds?: Database["public"]["Enums"]["email_kind"][]
          outcome_outputs_at_once?: boolean
          profile_id?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "email_preferences_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      event_organisers: {
        Row: {
          created_at: string
          event_id: string
          user_id: string
        }
        Insert: {
          created_at?: string
          event_id: string
          user_id: string
        }
        Update: {
          created_at?: string
          event_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_organisers_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_organisers_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      event_outcomes: {
        Row: {
          created_at: string
          event_id: string
          outcome_id: string
        }
        Insert: {
          created_at?: string
          event_id: string
          outcome_id: string
        }
        Update: {
          created_at?: string
          event_id?: string
          outcome_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "event_outcomes_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_outcomes_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
        ]
      }
      event_private_details: {
        Row: {
          created_at: string
          event_id: string
          joining_instructions: string | null
          online_url: string | null
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          event_id: string
          joining_instructions?: string | null
          online_url?: string | null
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          event_id?: string
          joining_instructions?: string | null
          online_url?: string | null
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "event_private_details_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: true
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
        ]
      }
      event_sessions: {
        Row: {
          commitment_id: string | null
          created_at: string
          description: string | null
          ends_at: string | null
          event_id: string
          id: string
          notes: string | null
          room: string | null
          shows_commitment_id: string | null
          starts_at: string | null
          title: string
          updated_at: string
          version: number
          what_next: string | null
        }
        Insert: {
          commitment_id?: string | null
          created_at?: string
          description?: string | null
          ends_at?: string | null
          event_id: string
          id?: string
          notes?: string | null
          room?: string | null
          shows_commitment_id?: string | null
          starts_at?: string | null
          title: string
          updated_at?: string
          version?: number
          what_next?: string | null
        }
        Update: {
          commitment_id?: string | null
          created_at?: string
          description?: string | null
          ends_at?: string | null
          event_id?: string
          id?: string
          notes?: string | null
          room?: string | null
          shows_commitment_id?: string | null
          starts_at?: string | null
          title?: string
          updated_at?: string
          version?: number
          what_next?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "event_sessions_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_sessions_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_sessions_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_sessions_shows_commitment_id_fkey"
            columns: ["shows_commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "event_sessions_shows_commitment_id_fkey"
            columns: ["shows_commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
        ]
      }
      events: {
        Row: {
          capacity: number | null
          created_at: string
          created_by: string | null
          description: string | null
          ends_at: string
          id: string
          is_online: boolean
          kind: Database["public"]["Enums"]["event_kind"]
          parent_event_id: string | null
          published_at: string | null
          registration_closes_at: string | null
          registration_opens_at: string | null
          search_vector: unknown
          slug: string
          starts_at: string
          status: Database["public"]["Enums"]["event_status"]
          summary: string | null
          title: string
          updated_at: string
          venue: string | null
          version: number
          workstream_id: string | null
          going_count: number | null
          waitlist_count: number | null
        }
        Insert: {
          capacity?: number | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          ends_at: string
          id?: string
          is_online?: boolean
          kind: Database["public"]["Enums"]["event_kind"]
          parent_event_id?: string | null
          published_at?: string | null
          registration_closes_at?: string | null
          registration_opens_at?: string | null
          search_vector?: never
          slug: string
          starts_at: string
          status?: Database["public"]["Enums"]["event_status"]
          summary?: string | null
          title: string
          updated_at?: string
          venue?: string | null
          version?: number
          workstream_id?: string | null
        }
        Update: {
          capacity?: number | null
          created_at?: string
          created_by?: string | null
          description?: string | null
          ends_at?: string
          id?: string
          is_online?: boolean
          kind?: Database["public"]["Enums"]["event_kind"]
          parent_event_id?: string | null
          published_at?: string | null
          registration_closes_at?: string | null
          registration_opens_at?: string | null
          search_vector?: never
          slug?: string
          starts_at?: string
          status?: Database["public"]["Enums"]["event_status"]
          summary?: string | null
          title?: string
          updated_at?: string
          venue?: string | null
          version?: number
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "events_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_parent_event_id_fkey"
            columns: ["parent_event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "events_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      follows: {
        Row: {
          created_at: string
          id: string
          outcome_id: string | null
          profile_id: string
          workstream_id: string | null
        }
        Insert: {
          created_at?: string
          id?: string
          outcome_id?: string | null
          profile_id?: string
          workstream_id?: string | null
        }
        Update: {
          created_at?: string
          id?: string
          outcome_id?: string | null
          profile_id?: string
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "follows_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_profile_id_fkey"
            columns: ["profile_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "follows_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      member_visits: {
        Row: {
          created_at: string
          previous_visit_at: string | null
          updated_at: string
          user_id: string
          version: number
          visited_at: string
        }
        Insert: {
          created_at?: string
          previous_visit_at?: string | null
          updated_at?: string
          user_id?: string
          version?: number
          visited_at?: string
        }
        Update: {
          created_at?: string
          previous_visit_at?: string | null
          updated_at?: string
          user_id?: string
          version?: number
          visited_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "member_visits_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: true
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      network_roles: {
        Row: {
          granted_at: string
          granted_by: string | null
          role: string
          user_id: string
        }
        Insert: {
          granted_at?: string
          granted_by?: string | null
          role: string
          user_id: string
        }
        Update: {
          granted_at?: string
          granted_by?: string | null
          role?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "network_roles_granted_by_fkey"
            columns: ["granted_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "network_roles_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      notifications: {
        Row: {
          actor_id: string | null
          created_at: string
          id: number
          read_at: string | null
          summary: string | null
          updated_at: string
          user_id: string
          verb: string
          version: number
          workstream_id: string | null
        }
        Insert: {
          actor_id?: string | null
          created_at?: string
          id?: never
          read_at?: string | null
          summary?: string | null
          updated_at?: string
          user_id: string
          verb: string
          version?: number
          workstream_id?: string | null
        }
        Update: {
          actor_id?: string | null
          created_at?: string
          id?: never
          read_at?: string | null
          summary?: string | null
          updated_at?: string
          user_id?: string
          verb?: string
          version?: number
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "notifications_actor_id_fkey"
            columns: ["actor_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "notifications_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      organisations: {
        Row: {
          created_at: string
          created_by: string | null
          id: string
          kind: Database["public"]["Enums"]["org_kind"]
          name: string
          search_vector: unknown
          slug: string
          updated_at: string
          version: number
          website: string | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["org_kind"]
          name: string
          search_vector?: never
          slug: string
          updated_at?: string
          version?: number
          website?: string | null
        }
        Update: {
          created_at?: string
          created_by?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["org_kind"]
          name?: string
          search_vector?: never
          slug?: string
          updated_at?: string
          version?: number
          website?: string | null
        }
        Relationships: []
      }
      outcome_redirects: {
        Row: {
          created_at: string
          old_slug: string
          outcome_id: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          old_slug: string
          outcome_id: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          old_slug?: string
          outcome_id?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "outcome_redirects_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
        ]
      }
      outcomes: {
        Row: {
          created_at: string
          description: string | null
          id: string
          is_principle: boolean
          retired_at: string | null
          slug: string
          title: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          description?: string | null
          id?: string
          is_principle?: boolean
          retired_at?: string | null
          slug: string
          title: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          description?: string | null
          id?: string
          is_principle?: boolean
          retired_at?: string | null
          slug?: string
          title?: string
          updated_at?: string
          version?: number
        }
        Relationships: []
      }
      output_contributors: {
        Row: {
          created_at: string
          output_id: string
          role: string | null
          updated_at: string
          user_id: string
          version: number
        }
        Insert: {
          created_at?: string
          output_id: string
          role?: string | null
          updated_at?: string
          user_id: string
          version?: number
        }
        Update: {
          created_at?: string
          output_id?: string
          role?: string | null
          updated_at?: string
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "output_contributors_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "output_contributors_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      output_outcomes: {
        Row: {
          created_at: string
          outcome_id: string
          output_id: string
        }
        Insert: {
          created_at?: string
          outcome_id: string
          output_id: string
        }
        Update: {
          created_at?: string
          outcome_id?: string
          output_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "output_outcomes_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "output_outcomes_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
        ]
      }
      output_reuses: {
        Row: {
          created_at: string
          id: string
          note: string | null
          organisation_id: string | null
          output_id: string
          phase: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at: string
          user_id: string | null
          version: number
        }
        Insert: {
          created_at?: string
          id?: string
          note?: string | null
          organisation_id?: string | null
          output_id: string
          phase?: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at?: string
          user_id?: string | null
          version?: number
        }
        Update: {
          created_at?: string
          id?: string
          note?: string | null
          organisation_id?: string | null
          output_id?: string
          phase?: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at?: string
          user_id?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "output_reuses_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["organisation_id"]
          },
          {
            foreignKeyName: "output_reuses_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "output_reuses_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "output_reuses_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      outputs: {
        Row: {
          body: string | null
          commitment_id: string | null
          created_at: string
          created_by: string | null
          external_url: string | null
          id: string
          kind: Database["public"]["Enums"]["output_kind"]
          licence: Database["public"]["Enums"]["output_licence"] | null
          licence_url: string | null
          published_at: string | null
          search_vector: unknown
          slug: string
          status: Database["public"]["Enums"]["content_status"]
          summary: string | null
          title: string
          updated_at: string
          version: number
          workstream_id: string | null
        }
        Insert: {
          body?: string | null
          commitment_id?: string | null
          created_at?: string
          created_by?: string | null
          external_url?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["output_kind"]
          licence?: Database["public"]["Enums"]["output_licence"] | null
          licence_url?: string | null
          published_at?: string | null
          search_vector?: never
          slug: string
          status?: Database["public"]["Enums"]["content_status"]
          summary?: string | null
          title: string
          updated_at?: string
          version?: number
          workstream_id?: string | null
        }
        Update: {
          body?: string | null
          commitment_id?: string | null
          created_at?: string
          created_by?: string | null
          external_url?: string | null
          id?: string
          kind?: Database["public"]["Enums"]["output_kind"]
          licence?: Database["public"]["Enums"]["output_licence"] | null
          licence_url?: string | null
          published_at?: string | null
          search_vector?: never
          slug?: string
          status?: Database["public"]["Enums"]["content_status"]
          summary?: string | null
          title?: string
          updated_at?: string
          version?: number
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "outputs_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "outputs_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "outputs_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "outputs_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "outputs_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      pattern_adoptions: {
        Row: {
          created_at: string
          id: string
          note: string | null
          organisation_id: string | null
          pattern_id: string
          phase: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at: string
          user_id: string | null
          version: number
        }
        Insert: {
          created_at?: string
          id?: string
          note?: string | null
          organisation_id?: string | null
          pattern_id: string
          phase?: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at?: string
          user_id?: string | null
          version?: number
        }
        Update: {
          created_at?: string
          id?: string
          note?: string | null
          organisation_id?: string | null
          pattern_id?: string
          phase?: Database["public"]["Enums"]["delivery_phase"] | null
          updated_at?: string
          user_id?: string | null
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "pattern_adoptions_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["organisation_id"]
          },
          {
            foreignKeyName: "pattern_adoptions_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pattern_adoptions_pattern_id_fkey"
            columns: ["pattern_id"]
            isOneToOne: false
            referencedRelation: "patterns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pattern_adoptions_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      pattern_examples: {
        Row: {
          created_at: string
          note: string | null
          output_id: string
          pattern_id: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          note?: string | null
          output_id: string
          pattern_id: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          note?: string | null
          output_id?: string
          pattern_id?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "pattern_examples_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pattern_examples_pattern_id_fkey"
            columns: ["pattern_id"]
            isOneToOne: false
            referencedRelation: "patterns"
            referencedColumns: ["id"]
          },
        ]
      }
      pattern_outcomes: {
        Row: {
          created_at: string
          outcome_id: string
          pattern_id: string
        }
        Insert: {
          created_at?: string
          outcome_id: string
          pattern_id: string
        }
        Update: {
          created_at?: string
          outcome_id?: string
          pattern_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "pattern_outcomes_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pattern_outcomes_pattern_id_fkey"
            columns: ["pattern_id"]
            isOneToOne: false
            referencedRelation: "patterns"
            referencedColumns: ["id"]
          },
        ]
      }
      pattern_reviews: {
        Row: {
          created_at: string
          id: string
          maturity: Database["public"]["Enums"]["pattern_maturity"]
          note: string
          pattern_id: string
          previous_maturity:
            | Database["public"]["Enums"]["pattern_maturity"]
            | null
          reviewed_by: string | null
          reviewed_on: string
        }
        Insert: {
          created_at?: string
          id?: string
          maturity: Database["public"]["Enums"]["pattern_maturity"]
          note: string
          pattern_id: string
          previous_maturity?:
            | Database["public"]["Enums"]["pattern_maturity"]
            | null
          reviewed_by?: string | null
          reviewed_on?: string
        }
        Update: {
          created_at?: string
          id?: string
          maturity?: Database["public"]["Enums"]["pattern_maturity"]
          note?: string
          pattern_id?: string
          previous_maturity?:
            | Database["public"]["Enums"]["pattern_maturity"]
            | null
          reviewed_by?: string | null
          reviewed_on?: string
        }
        Relationships: [
          {
            foreignKeyName: "pattern_reviews_pattern_id_fkey"
            columns: ["pattern_id"]
            isOneToOne: false
            referencedRelation: "patterns"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pattern_reviews_reviewed_by_fkey"
            columns: ["reviewed_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      patterns: {
        Row: {
          created_at: string
          created_by: string | null
          how_it_works: string | null
          id: string
          known_gaps: string | null
          last_reviewed_on: string | null
          maturity: Database["public"]["Enums"]["pattern_maturity"]
          problem: string | null
          published_at: string | null
          research_evidence: string | null
          search_vector: unknown
          slug: string
          status: Database["public"]["Enums"]["content_status"]
          summary: string | null
          title: string
          updated_at: string
          version: number
          when_not_to_use: string | null
          when_to_use: string | null
          workstream_id: string | null
          review_due: boolean | null
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          how_it_works?: string | null
          id?: string
          known_gaps?: string | null
          last_reviewed_on?: string | null
          maturity?: Database["public"]["Enums"]["pattern_maturity"]
          problem?: string | null
          published_at?: string | null
          research_evidence?: string | null
          search_vector?: never
          slug: string
          status?: Database["public"]["Enums"]["content_status"]
          summary?: string | null
          title: string
          updated_at?: string
          version?: number
          when_not_to_use?: string | null
          when_to_use?: string | null
          workstream_id?: string | null
        }
        Update: {
          created_at?: string
          created_by?: string | null
          how_it_works?: string | null
          id?: string
          known_gaps?: string | null
          last_reviewed_on?: string | null
          maturity?: Database["public"]["Enums"]["pattern_maturity"]
          problem?: string | null
          published_at?: string | null
          research_evidence?: string | null
          search_vector?: never
          slug?: string
          status?: Database["public"]["Enums"]["content_status"]
          summary?: string | null
          title?: string
          updated_at?: string
          version?: number
          when_not_to_use?: string | null
          when_to_use?: string | null
          workstream_id?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "patterns_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "patterns_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "patterns_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      pitch_interests: {
        Row: {
          created_at: string
          pitch_id: string
          user_id: string
        }
        Insert: {
          created_at?: string
          pitch_id: string
          user_id?: string
        }
        Update: {
          created_at?: string
          pitch_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "pitch_interests_pitch_id_fkey"
            columns: ["pitch_id"]
            isOneToOne: false
            referencedRelation: "pitches"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pitch_interests_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      pitches: {
        Row: {
          commitment_id: string | null
          created_at: string
          description: string | null
          event_id: string
          id: string
          pitched_by: string | null
          session_id: string | null
          title: string
          updated_at: string
          version: number
          withdrawn_at: string | null
        }
        Insert: {
          commitment_id?: string | null
          created_at?: string
          description?: string | null
          event_id: string
          id?: string
          pitched_by?: string | null
          session_id?: string | null
          title: string
          updated_at?: string
          version?: number
          withdrawn_at?: string | null
        }
        Update: {
          commitment_id?: string | null
          created_at?: string
          description?: string | null
          event_id?: string
          id?: string
          pitched_by?: string | null
          session_id?: string | null
          title?: string
          updated_at?: string
          version?: number
          withdrawn_at?: string | null
        }
        Relationships: [
          {
            foreignKeyName: "pitches_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pitches_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pitches_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pitches_pitched_by_fkey"
            columns: ["pitched_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "pitches_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "event_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          bio: string | null
          created_at: string
          digest_frequency: string
          display_name: string
          handle: string
          id: string
          is_public: boolean
          job_title: string | null
          organisation_id: string | null
          region: string | null
          search_vector: unknown
          skills: string[]
          updated_at: string
          version: number
        }
        Insert: {
          bio?: string | null
          created_at?: string
          digest_frequency?: string
          display_name: string
          handle: string
          id: string
          is_public?: boolean
          job_title?: string | null
          organisation_id?: string | null
          region?: string | null
          search_vector?: never
          skills?: string[]
          updated_at?: string
          version?: number
        }
        Update: {
          bio?: string | null
          created_at?: string
          digest_frequency?: string
          display_name?: string
          handle?: string
          id?: string
          is_public?: boolean
          job_title?: string | null
          organisation_id?: string | null
          region?: string | null
          search_vector?: never
          skills?: string[]
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "profiles_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["organisation_id"]
          },
          {
            foreignKeyName: "profiles_organisation_id_fkey"
            columns: ["organisation_id"]
            isOneToOne: false
            referencedRelation: "organisations"
            referencedColumns: ["id"]
          },
        ]
      }
      registrations: {
        Row: {
          cancelled_at: string | null
          created_at: string
          event_id: string
          id: string
          position: number | null
          registered_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string
          version: number
        }
        Insert: {
          cancelled_at?: string | null
          created_at?: string
          event_id: string
          id?: string
          position?: number | null
          registered_at?: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at?: string
          user_id: string
          version?: number
        }
        Update: {
          cancelled_at?: string | null
          created_at?: string
          event_id?: string
          id?: string
          position?: number | null
          registered_at?: string
          status?: Database["public"]["Enums"]["registration_status"]
          updated_at?: string
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "registrations_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "registrations_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      session_outputs: {
        Row: {
          created_at: string
          output_id: string
          session_id: string
        }
        Insert: {
          created_at?: string
          output_id: string
          session_id: string
        }
        Update: {
          created_at?: string
          output_id?: string
          session_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_outputs_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "session_outputs_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "event_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      session_presenters: {
        Row: {
          created_at: string
          session_id: string
          user_id: string
        }
        Insert: {
          created_at?: string
          session_id: string
          user_id: string
        }
        Update: {
          created_at?: string
          session_id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "session_presenters_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "event_sessions"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "session_presenters_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
      show_offers: {
        Row: {
          commitment_id: string | null
          created_at: string
          decided_at: string | null
          description: string | null
          event_id: string
          id: string
          offered_by: string
          output_id: string | null
          session_id: string | null
          status: Database["public"]["Enums"]["show_offer_status"]
          title: string
          updated_at: string
          version: number
        }
        Insert: {
          commitment_id?: string | null
          created_at?: string
          decided_at?: string | null
          description?: string | null
          event_id: string
          id?: string
          offered_by?: string
          output_id?: string | null
          session_id?: string | null
          status?: Database["public"]["Enums"]["show_offer_status"]
          title: string
          updated_at?: string
          version?: number
        }
        Update: {
          commitment_id?: string | null
          created_at?: string
          decided_at?: string | null
          description?: string | null
          event_id?: string
          id?: string
          offered_by?: string
          output_id?: string | null
          session_id?: string | null
          status?: Database["public"]["Enums"]["show_offer_status"]
          title?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "show_offers_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitment_overview"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "show_offers_commitment_id_fkey"
            columns: ["commitment_id"]
            isOneToOne: false
            referencedRelation: "commitments"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "show_offers_event_id_fkey"
            columns: ["event_id"]
            isOneToOne: false
            referencedRelation: "events"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "show_offers_offered_by_fkey"
            columns: ["offered_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "show_offers_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "show_offers_session_id_fkey"
            columns: ["session_id"]
            isOneToOne: false
            referencedRelation: "event_sessions"
            referencedColumns: ["id"]
          },
        ]
      }
      slug_redirects: {
        Row: {
          created_at: string
          kind: string
          old_slug: string
          target_id: string
        }
        Insert: {
          created_at?: string
          kind: string
          old_slug: string
          target_id: string
        }
        Update: {
          created_at?: string
          kind?: string
          old_slug?: string
          target_id?: string
        }
        Relationships: []
      }
      workstream_members: {
        Row: {
          created_at: string
          joined_at: string
          role: Database["public"]["Enums"]["workstream_role"]
          updated_at: string
          user_id: string
          version: number
          workstream_id: string
        }
        Insert: {
          created_at?: string
          joined_at?: string
          role?: Database["public"]["Enums"]["workstream_role"]
          updated_at?: string
          user_id: string
          version?: number
          workstream_id: string
        }
        Update: {
          created_at?: string
          joined_at?: string
          role?: Database["public"]["Enums"]["workstream_role"]
          updated_at?: string
          user_id?: string
          version?: number
          workstream_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workstream_members_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workstream_members_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workstream_members_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      workstream_outcomes: {
        Row: {
          created_at: string
          outcome_id: string
          workstream_id: string
        }
        Insert: {
          created_at?: string
          outcome_id: string
          workstream_id: string
        }
        Update: {
          created_at?: string
          outcome_id?: string
          workstream_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "workstream_outcomes_outcome_id_fkey"
            columns: ["outcome_id"]
            isOneToOne: false
            referencedRelation: "outcomes"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workstream_outcomes_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "workstream_outcomes_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      workstreams: {
        Row: {
          created_at: string
          created_by: string | null
          description: string | null
          id: string
          purpose: string | null
          search_vector: unknown
          slug: string
          status: Database["public"]["Enums"]["workstream_status"]
          title: string
          updated_at: string
          version: number
        }
        Insert: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          purpose?: string | null
          search_vector?: never
          slug: string
          status?: Database["public"]["Enums"]["workstream_status"]
          title: string
          updated_at?: string
          version?: number
        }
        Update: {
          created_at?: string
          created_by?: string | null
          description?: string | null
          id?: string
          purpose?: string | null
          search_vector?: never
          slug?: string
          status?: Database["public"]["Enums"]["workstream_status"]
          title?: string
          updated_at?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "workstreams_created_by_fkey"
            columns: ["created_by"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      commitment_overview: {
        Row: {
          archived_at: string | null
          check_in_count: number | null
          closing_note: string | null
          completed_at: string | null
          created_at: string | null
          days_overdue: number | null
          description: string | null
          due_on: string | null
          id: string | null
          last_check_in_at: string | null
          next_check_in_on: string | null
          organisation_id: string | null
          organisation_name: string | null
          organisation_slug: string | null
          owner_display_name: string | null
          owner_handle: string | null
          owner_id: string | null
          so_that: string | null
          staleness: string | null
          status: Database["public"]["Enums"]["commitment_status"] | null
          title: string | null
          updated_at: string | null
          version: number | null
          visibility: Database["public"]["Enums"]["visibility"] | null
          workstream_id: string | null
          workstream_slug: string | null
          workstream_title: string | null
        }
        Relationships: [
          {
            foreignKeyName: "commitments_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstream_summary"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "commitments_workstream_id_fkey"
            columns: ["workstream_id"]
            isOneToOne: false
            referencedRelation: "workstreams"
            referencedColumns: ["id"]
          },
        ]
      }
      output_reuse_counts: {
        Row: {
          organisation_count: number | null
          output_id: string | null
          reuse_count: number | null
        }
        Relationships: [
          {
            foreignKeyName: "output_reuses_output_id_fkey"
            columns: ["output_id"]
            isOneToOne: false
            referencedRelation: "outputs"
            referencedColumns: ["id"]
          },
        ]
      }
      pattern_adoption_counts: {
        Row: {
          adoption_count: number | null
          is_useful: boolean | null
          organisation_count: number | null
          pattern_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "pattern_adoptions_pattern_id_fkey"
            columns: ["pattern_id"]
            isOneToOne: false
            referencedRelation: "patterns"
            referencedColumns: ["id"]
          },
        ]
      }
      workstream_summary: {
        Row: {
          created_at: string | null
          done_commitments: number | null
          id: string | null
          lead_count: number | null
          member_count: number | null
          open_commitments: number | null
          overdue_commitments: number | null
          published_outputs: number | null
          purpose: string | null
          slug: string | null
          status: Database["public"]["Enums"]["workstream_status"] | null
          title: string | null
          updated_at: string | null
        }
        Insert: {
          created_at?: string | null
          done_commitments?: never
          id?: string | null
          lead_count?: never
          member_count?: never
          open_commitments?: never
          overdue_commitments?: never
          published_outputs?: never
          purpose?: string | null
          slug?: string | null
          status?: Database["public"]["Enums"]["workstream_status"] | null
          title?: string | null
          updated_at?: string | null
        }
        Update: {
          created_at?: string | null
          done_commitments?: never
          id?: string | null
          lead_count?: never
          member_count?: never
          open_commitments?: never
          overdue_commitments?: never
          published_outputs?: never
          purpose?: string | null
          slug?: string | null
          status?: Database["public"]["Enums"]["workstream_status"] | null
          title?: string | null
          updated_at?: string | null
        }
        Relationships: []
      }
    }
    Functions: {
      accept_show_offer: {
        Args: {
          p_ends_at?: string
          p_offer_id: string
          p_session_id?: string
          p_starts_at?: string
        }
        Returns: string
      }
      attach_output_to_commitment: {
        Args: { p_commitment_id: string; p_output_id: string }
        Returns: undefined
      }
      calendar_feed: { Args: { p_token: string }; Returns: Json }
      can_write_session_notes: {
        Args: { p_session_id: string }
        Returns: boolean
      }
      cancel_event: {
        Args: { p_id: string; p_version: number }
        Returns: string
      }
      cancel_registration: {
        Args: { p_event_id: string }
        Returns: {
          cancelled_at: string | null
          created_at: string
          event_id: string
          id: string
          position: number | null
          registered_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "registrations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      commit_to_pitch: {
        Args: {
          p_due_on?: string
          p_pitch_id: string
          p_so_that?: string
          p_title: string
          p_visibility?: Database["public"]["Enums"]["visibility"]
          p_workstream_id?: string
        }
        Returns: {
          archived_at: string | null
          closing_note: string | null
          completed_at: string | null
          created_at: string
          description: string | null
          due_on: string | null
          id: string
          next_check_in_on: string | null
          owner_id: string
          search_vector: unknown
          so_that: string | null
          status: Database["public"]["Enums"]["commitment_status"]
          title: string
          updated_at: string
          version: number
          visibility: Database["public"]["Enums"]["visibility"]
          workstream_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "commitments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      commit_to_session: {
        Args: {
          p_due_on?: string
          p_session_id: string
          p_so_that?: string
          p_title: string
          p_visibility?: Database["public"]["Enums"]["visibility"]
          p_workstream_id?: string
        }
        Returns: {
          archived_at: string | null
          closing_note: string | null
          completed_at: string | null
          created_at: string
          description: string | null
          due_on: string | null
          id: string
          next_check_in_on: string | null
          owner_id: string
          search_vector: unknown
          so_that: string | null
          status: Database["public"]["Enums"]["commitment_status"]
          title: string
          updated_at: string
          version: number
          visibility: Database["public"]["Enums"]["visibility"]
          workstream_id: string | null
        }
        SetofOptions: {
          from: "*"
          to: "commitments"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      commitments_with_outcome: {
        Args: { p_outcome: string }
        Returns: {
          archived_at: string | null
          check_in_count: number | null
          closing_note: string | null
          completed_at: string | null
          created_at: string | null
          days_overdue: number | null
          description: string | null
          due_on: string | null
          id: string | null
          last_check_in_at: string | null
          next_check_in_on: string | null
          organisation_id: string | null
          organisation_name: string | null
          organisation_slug: string | null
          owner_display_name: string | null
          owner_handle: string | null
          owner_id: string | null
          so_that: string | null
          staleness: string | null
          status: Database["public"]["Enums"]["commitment_status"] | null
          title: string | null
          updated_at: string | null
          version: number | null
          visibility: Database["public"]["Enums"]["visibility"] | null
          workstream_id: string | null
          workstream_slug: string | null
          workstream_title: string | null
        }[]
        SetofOptions: {
          from: "*"
          to: "commitment_overview"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      email_outbox_counts: {
        Args: Record<PropertyKey, never>
        Returns: {
          n: number
          status: Database["public"]["Enums"]["email_status"]
        }[]
      }
      event_attendance: {
        Args: { p_event_ids: string[] }
        Returns: {
          capacity: number
          event_id: string
          going: number
          places_left: number
          waitlisted: number
        }[]
      }
      event_before_you_go: {
        Args: { p_limit?: number; p_slug: string }
        Returns: Json
      }
      event_edit_context: {
        Args: { p_slug: string }
        Returns: {
          can_edit: boolean
          parent_id: string
          parent_title: string
        }[]
      }
      event_registrations: {
        Args: { p_event_id: string }
        Returns: {
          cancelled_at: string
          display_name: string
          handle: string
          organisation: string
          registered_at: string
          registration_id: string
          status: Database["public"]["Enums"]["registration_status"]
          waitlist_position: number
        }[]
      }
      events_for_calendar: {
        Args: { p_slug?: string }
        Returns: {
          ends_at: string
          id: string
          is_online: boolean
          slug: string
          starts_at: string
          status: Database["public"]["Enums"]["event_status"]
          summary: string
          title: string
          updated_at: string
          venue: string
          version: number
        }[]
      }
      filter_options: {
        Args: Record<PropertyKey, never>
        Returns: {
          id: string
          kind: string
          slug: string
          title: string
          workstream_status: Database["public"]["Enums"]["workstream_status"]
        }[]
      }
      find_output_by_old_slug: {
        Args: { p_slug: string }
        Returns: {
          slug: string
          status: Database["public"]["Enums"]["content_status"]
          summary: string
          title: string
        }[]
      }
      going_count: {
        Args: { e: Database["public"]["Tables"]["events"]["Row"] }
        Returns: number
      }
      home_for_me: {
        Args: Record<PropertyKey, never>
        Returns: {
          changes: Database["public"]["CompositeTypes"]["home_change"][]
          commitments: Database["public"]["CompositeTypes"]["home_commitment"][]
          events: Database["public"]["CompositeTypes"]["home_event"][]
          is_lead: boolean
          is_newcomer: boolean
          is_steering: boolean
          lead_proposals: Database["public"]["CompositeTypes"]["home_workstream"][]
          lead_stale: Database["public"]["CompositeTypes"]["home_commitment"][]
          network_dormant: number
          network_overdue: number
          offers: Database["public"]["CompositeTypes"]["home_offer"][]
          patterns_due_for_review: number
          pitches: Database["public"]["CompositeTypes"]["home_pitch"][]
          proposals_waiting: number
          since: string
          start_workstreams: Database["public"]["CompositeTypes"]["home_workstream"][]
          today: string
        }[]
      }
      member_page: {
        Args: { p_handle: string }
        Returns: {
          bio: string
          commitment_total: number
          commitments: Database["public"]["CompositeTypes"]["listed_commitment"][]
          display_name: string
          handle: string
          id: string
          is_public: boolean
          job_title: string
          organisation_name: string
          organisation_slug: string
          output_total: number
          outputs: Database["public"]["CompositeTypes"]["member_output"][]
          region: string
          session_total: number
          sessions: Database["public"]["CompositeTypes"]["member_session"][]
          skills: string[]
          workstreams: Database["public"]["CompositeTypes"]["member_workstream"][]
        }[]
      }
      merge_outcomes: {
        Args: { p_from: string; p_into: string }
        Returns: string
      }
      my_place_at_event: {
        Args: { p_slug: string }
        Returns: {
          joining_instructions: string
          online_url: string
          registration_status: Database["public"]["Enums"]["registration_status"]
          waitlist_position: number
        }[]
      }
      open_data_counts: {
        Args: Record<PropertyKey, never>
        Returns: {
          data_set: string
          row_count: number
        }[]
      }
      organisation_list: {
        Args: { p_limit?: number; p_offset?: number }
        Returns: {
          organisations: Database["public"]["CompositeTypes"]["organisation_row"][]
          total: number
        }[]
      }
      organisation_page: {
        Args: { p_slug: string }
        Returns: {
          commitment_total: number
          commitments: Database["public"]["CompositeTypes"]["listed_commitment"][]
          id: string
          kind: Database["public"]["Enums"]["org_kind"]
          name: string
          output_total: number
          outputs: Database["public"]["CompositeTypes"]["organisation_output"][]
          people: Database["public"]["CompositeTypes"]["organisation_person"][]
          people_total: number
          slug: string
          use_total: number
          uses: Database["public"]["CompositeTypes"]["organisation_use"][]
          website: string
        }[]
      }
      outcome_organisations: {
        Args: { p_outcome?: string }
        Returns: {
          apart: boolean
          commitments_done: number
          commitments_open: number
          member_ids: string[]
          organisation_name: string
          organisation_slug: string
          outcome_slug: string
          outcome_title: string
          suggest_workstream: boolean
          working: boolean
        }[]
      }
      place_pitch: {
        Args: {
          p_ends_at: string
          p_pitch_id: string
          p_room: string
          p_starts_at: string
        }
        Returns: string
      }
      propose_workstream: {
        Args: {
          p_description?: string
          p_invite_ids?: string[]
          p_outcome_ids?: string[]
          p_purpose: string
          p_slug: string
          p_title: string
        }
        Returns: string
      }
      record_output_reuse: {
        Args: {
          p_note?: string
          p_output_id: string
          p_phase: Database["public"]["Enums"]["delivery_phase"]
          p_version?: number
        }
        Returns: string
      }
      record_pattern_adoption: {
        Args: {
          p_note?: string
          p_pattern_id: string
          p_phase: Database["public"]["Enums"]["delivery_phase"]
          p_version?: number
        }
        Returns: string
      }
      register_for_event: {
        Args: { p_event_id: string }
        Returns: {
          cancelled_at: string | null
          created_at: string
          event_id: string
          id: string
          position: number | null
          registered_at: string
          status: Database["public"]["Enums"]["registration_status"]
          updated_at: string
          user_id: string
          version: number
        }
        SetofOptions: {
          from: "*"
          to: "registrations"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      remove_session: { Args: { p_session_id: string }; Returns: undefined }
      reset_calendar_feed: { Args: Record<PropertyKey, never>; Returns: string }
      review_due: {
        Args: { p: Database["public"]["Tables"]["patterns"]["Row"] }
        Returns: boolean
      }
      review_pattern: {
        Args: {
          p_maturity: Database["public"]["Enums"]["pattern_maturity"]
          p_note: string
          p_pattern_id: string
          p_version: number
        }
        Returns: undefined
      }
      save_commitment: {
        Args: {
          p_description?: string
          p_due_on: string
          p_id?: string
          p_next_check_in_on?: string
          p_outcome_ids?: string[]
          p_so_that: string
          p_title: string
          p_version?: number
          p_visibility: Database["public"]["Enums"]["visibility"]
          p_workstream_id?: string
        }
        Returns: string
      }
      save_email_settings: {
        Args: {
          p_digest_frequency: string
          p_muted_kinds: Database["public"]["Enums"]["email_kind"][]
          p_outcome_outputs_at_once: boolean
          p_version: number
        }
        Returns: number
      }
      save_event: {
        Args: {
          p_capacity?: number
          p_description?: string
          p_ends_at: string
          p_id?: string
          p_is_online?: boolean
          p_joining_instructions?: string
          p_kind: Database["public"]["Enums"]["event_kind"]
          p_online_url?: string
          p_organiser_handles?: string[]
          p_outcome_ids?: string[]
          p_parent_event_id?: string
          p_registration_closes_at?: string
          p_registration_opens_at?: string
          p_slug: string
          p_starts_at: string
          p_status?: Database["public"]["Enums"]["event_status"]
          p_summary?: string
          p_title: string
          p_venue?: string
          p_version?: number
          p_workstream_id?: string
        }
        Returns: string
      }
      save_output: {
        Args: {
          p_body?: string
          p_commitment_id?: string
          p_contributor_ids?: string[]
          p_contributor_roles?: string[]
          p_external_url?: string
          p_id?: string
          p_kind: Database["public"]["Enums"]["output_kind"]
          p_licence?: Database["public"]["Enums"]["output_licence"]
          p_licence_url?: string
          p_outcome_ids?: string[]
          p_status: Database["public"]["Enums"]["content_status"]
          p_summary?: string
          p_title: string
          p_version?: number
          p_workstream_id?: string
        }
        Returns: string
      }
      save_pattern: {
        Args: {
          p_example_output_ids?: string[]
          p_how_it_works?: string
          p_id?: string
          p_known_gaps?: string
          p_outcome_ids?: string[]
          p_problem: string
          p_research_evidence?: string
          p_summary: string
          p_title: string
          p_version?: number
          p_when_not_to_use?: string
          p_when_to_use?: string
          p_workstream_id?: string
        }
        Returns: string
      }
      save_workstream: {
        Args: {
          p_description?: string
          p_id: string
          p_outcome_ids?: string[]
          p_purpose: string
          p_status: Database["public"]["Enums"]["workstream_status"]
          p_title: string
          p_version: number
        }
        Returns: undefined
      }
      search: {
        Args: { kinds?: string[]; lim?: number; off?: number; q: string }
        Returns: {
          id: string
          kind: string
          rank: number
          slug: string
          summary: string
          title: string
          total: number
          url: string
        }[]
      }
      search_page: {
        Args: {
          p_kind?: string
          p_limit?: number
          p_offset?: number
          q: string
        }
        Returns: {
          counts: Database["public"]["CompositeTypes"]["search_kind_count"][]
          fuzzy: boolean
          hits: Database["public"]["CompositeTypes"]["search_hit"][]
          total: number
        }[]
      }
      session_clashes: {
        Args: { p_event_slug: string }
        Returns: {
          kind: string
          other_event_slug: string
          other_session_id: string
          other_title: string
          presenter_name: string
          session_id: string
        }[]
      }
      steering_digest: {
        Args: { p_since?: string }
        Returns: {
          items: Database["public"]["CompositeTypes"]["steering_digest_item"][]
          since: string
          today: string
        }[]
      }
      steering_digest_items: {
        Args: { p_since?: string }
        Returns: {
          check_in_count: number
          commitment_id: string
          commitment_status: Database["public"]["Enums"]["commitment_status"]
          commitment_title: string
          kind: string
          note: string
          occurred_at: string
          owner_display_name: string
          owner_handle: string
          workstream_id: string
          workstream_slug: string
          workstream_title: string
        }[]
      }
      steering_monthly_counts: {
        Args: { p_months?: number }
        Returns: {
          done: number
          made: number
          month: string
        }[]
      }
      steering_overdue: {
        Args: { p_limit?: number; p_offset?: number }
        Returns: {
          days_overdue: number
          id: string
          last_check_in_at: string
          next_check_in_on: string
          organisation_name: string
          owner_display_name: string
          owner_handle: string
          staleness: string
          status: Database["public"]["Enums"]["commitment_status"]
          title: string
          total_count: number
          workstream_slug: string
          workstream_title: string
        }[]
      }
      steering_participation: {
        Args: Record<PropertyKey, never>
        Returns: {
          active_members: number
          organisation_id: string
          organisation_name: string
          organisation_slug: string
        }[]
      }
      steering_report: {
        Args: {
          p_organisation_limit?: number
          p_overdue_limit?: number
          p_overdue_offset?: number
          p_workstream_limit?: number
          p_workstream_offset?: number
        }
        Returns: {
          active_members: number
          members_without_organisation: number
          months: Database["public"]["CompositeTypes"]["steering_month"][]
          organisations: Database["public"]["CompositeTypes"]["steering_organisation"][]
          organisations_total: number
          overdue: Database["public"]["CompositeTypes"]["steering_overdue_row"][]
          overdue_total: number
          today: string
          totals: Database["public"]["CompositeTypes"]["steering_workstream_row"]
          workstream_total: number
          workstreams: Database["public"]["CompositeTypes"]["steering_workstream_row"][]
        }[]
      }
      steering_today: { Args: Record<PropertyKey, never>; Returns: string }
      steering_workstream_stats: {
        Args: Record<PropertyKey, never>
        Returns: {
          blocked: number
          done: number
          done_last_90_days: number
          dormant: number
          dropped: number
          in_progress: number
          open: number
          overdue: number
          planned: number
          slug: string
          title: string
          total: number
          workstream_id: string
          workstream_status: Database["public"]["Enums"]["workstream_status"]
        }[]
      }
      toggle_pitch_interest: { Args: { p_pitch_id: string }; Returns: boolean }
      unsubscribe: {
        Args: { p_token: string }
        Returns: Database["public"]["Enums"]["email_kind"]
      }
      unsubscribe_kind: {
        Args: { p_token: string }
        Returns: {
          already: boolean
          kind: Database["public"]["Enums"]["email_kind"]
        }[]
      }
      waitlist_count: {
        Args: { e: Database["public"]["Tables"]["events"]["Row"] }
        Returns: number
      }
      workstream_commitment_groups: {
        Args: { p_per_status?: number; p_slug: string }
        Returns: {
          days_overdue: number
          due_on: string
          id: string
          next_check_in_on: string
          organisation_name: string
          owner_display_name: string
          so_that: string
          staleness: string
          status: Database["public"]["Enums"]["commitment_status"]
          status_total: number
          title: string
        }[]
      }
    }
    Enums: {
      commitment_status:
        | "planned"
        | "in_progress"
        | "done"
        | "dropped"
        | "blocked"
      content_status: "draft" | "published" | "archived"
      delivery_phase: "discovery" | "alpha" | "beta" | "live"
      email_kind:
        | "digest"
        | "commitment_overdue"
        | "commitment_dormant"
        | "waitlist_promotion"
        | "event_reminder"
        | "event_cancelled"
        | "offer_accepted"
        | "outcome_output"
      email_status: "pending" | "sent" | "failed"
      event_kind: "camp" | "show_and_tell" | "meetup" | "workshop"
      event_status: "draft" | "published" | "cancelled"
      org_kind:
        | "council"
        | "central_government"
        | "supplier"
        | "charity"
        | "other"
      output_kind:
        | "guide"
        | "template"
        | "code"
        | "data_set"
        | "research"
        | "case_study"
        | "slides"
        | "recording"
        | "other"
      output_licence:
        | "ogl_3"
        | "cc_by_4"
        | "mit"
        | "apache_2"
        | "all_rights_reserved"
        | "other"
      pattern_maturity: "experimental" | "beta" | "recommended" | "retired"
      registration_status: "going" | "waitlisted" | "cancelled"
      show_offer_status: "open" | "accepted" | "declined" | "withdrawn"
      visibility: "public" | "members"
      watch_kind: "watch" | "offer_help"
      workstream_role: "lead" | "member"
      workstream_status: "proposed" | "active" | "paused" | "closed"
    }
    CompositeTypes: {
      home_change: {
        kind: string | null
        title: string | null
        href: string | null
        actor_display_name: string | null
        occurred_at: string | null
        workstream_slug: string | null
        workstream_title: string | null
      }
      home_commitment: {
        id: string | null
        title: string | null
        status: Database["public"]["Enums"]["commitment_status"] | null
        due_on: string | null
        next_check_in_on: string | null
        staleness: string | null
        days_overdue: number | null
        workstream_slug: string | null
        workstream_title: string | null
        owner_display_name: string | null
        needs_check_in: boolean | null
      }
      home_event: {
        slug: string | null
        title: string | null
        starts_at: string | null
        registration_status:
          | Database["public"]["Enums"]["registration_status"]
          | null
        waitlist_position: number | null
      }
      home_offer: {
        commitment_id: string | null
        commitment_title: string | null
        kind: Database["public"]["Enums"]["watch_kind"] | null
        person_handle: string | null
        person_display_name: string | null
        note: string | null
        created_at: string | null
      }
      home_pitch: {
        kind: string | null
        title: string | null
        event_slug: string | null
        event_title: string | null
        event_starts_at: string | null
      }
      home_workstream: {
        slug: string | null
        title: string | null
        status: Database["public"]["Enums"]["workstream_status"] | null
        member_count: number | null
      }
      listed_commitment: {
        id: string | null
        title: string | null
        so_that: string | null
        status: Database["public"]["Enums"]["commitment_status"] | null
        visibility: Database["public"]["Enums"]["visibility"] | null
        staleness: string | null
        days_overdue: number | null
        due_on: string | null
        next_check_in_on: string | null
        owner_handle: string | null
        owner_display_name: string | null
        organisation_name: string | null
        workstream_slug: string | null
        workstream_title: string | null
      }
      member_output: {
        slug: string | null
        title: string | null
        kind: Database["public"]["Enums"]["output_kind"] | null
        role: string | null
        published_at: string | null
      }
      member_session: {
        session_title: string | null
        event_slug: string | null
        event_title: string | null
        starts_at: string | null
      }
      member_workstream: {
        slug: string | null
        title: string | null
        status: Database["public"]["Enums"]["workstream_status"] | null
        role: Database["public"]["Enums"]["workstream_role"] | null
      }
      organisation_output: {
        slug: string | null
        title: string | null
        kind: Database["public"]["Enums"]["output_kind"] | null
        published_at: string | null
      }
      organisation_person: {
        handle: string | null
        display_name: string | null
        job_title: string | null
      }
      organisation_row: {
        slug: string | null
        name: string | null
        kind: Database["public"]["Enums"]["org_kind"] | null
        people: number | null
        commitments: number | null
        outputs: number | null
        uses: number | null
      }
      organisation_use: {
        id: string | null
        kind: string | null
        slug: string | null
        title: string | null
        phase: Database["public"]["Enums"]["delivery_phase"] | null
        note: string | null
        created_at: string | null
      }
      search_hit: {
        kind: string | null
        id: string | null
        slug: string | null
        title: string | null
        summary: string | null
        rank: number | null
        url: string | null
        fuzzy: boolean | null
      }
      search_kind_count: {
        kind: string | null
        hits: number | null
      }
      steering_digest_item: {
        kind: string | null
        commitment_id: string | null
        commitment_title: string | null
        commitment_status:
          | Database["public"]["Enums"]["commitment_status"]
          | null
        workstream_id: string | null
        workstream_slug: string | null
        workstream_title: string | null
        owner_handle: string | null
        owner_display_name: string | null
        occurred_at: string | null
        note: string | null
        check_in_count: number | null
      }
      steering_month: {
        month: string | null
        made: number | null
        done: number | null
      }
      steering_organisation: {
        organisation_id: string | null
        organisation_slug: string | null
        organisation_name: string | null
        active_members: number | null
      }
      steering_overdue_row: {
        id: string | null
        title: string | null
        status: Database["public"]["Enums"]["commitment_status"] | null
        owner_handle: string | null
        owner_display_name: string | null
        organisation_name: string | null
        workstream_slug: string | null
        workstream_title: string | null
        next_check_in_on: string | null
        days_overdue: number | null
        staleness: string | null
        last_check_in_at: string | null
      }
      steering_workstream_row: {
        workstream_id: string | null
        slug: string | null
        title: string | null
        workstream_status:
          | Database["public"]["Enums"]["workstream_status"]
          | null
        planned: number | null
        in_progress: number | null
        blocked: number | null
        done: number | null
        dropped: number | null
        open: number | null
        overdue: number | null
        dormant: number | null
        done_last_90_days: number | null
        total: number | null
      }
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      commitment_status: [
        "planned",
        "in_progress",
        "done",
        "dropped",
        "blocked",
      ],
      content_status: ["draft", "published", "archived"],
      delivery_phase: ["discovery", "alpha", "beta", "live"],
      email_kind: [
        "digest",
        "commitment_overdue",
        "commitment_dormant",
        "waitlist_promotion",
        "event_reminder",
        "event_cancelled",
        "offer_accepted",
        "outcome_output",
      ],
      email_status: ["pending", "sent", "failed"],
      event_kind: ["camp", "show_and_tell", "meetup", "workshop"],
      event_status: ["draft", "published", "cancelled"],
      org_kind: [
        "council",
        "central_government",
        "supplier",
        "charity",
        "other",
      ],
      output_kind: [
        "guide",
        "template",
        "code",
        "data_set",
        "research",
        "case_study",
        "slides",
        "recording",
        "other",
      ],
      output_licence: [
        "ogl_3",
        "cc_by_4",
        "mit",
        "apache_2",
        "all_rights_reserved",
        "other",
      ],
      pattern_maturity: ["experimental", "beta", "recommended", "retired"],
      registration_status: ["going", "waitlisted", "cancelled"],
      show_offer_status: ["open", "accepted", "declined", "withdrawn"],
      visibility: ["public", "members"],
      watch_kind: ["watch", "offer_help"],
      workstream_role: ["lead", "member"],
      workstream_status: ["proposed", "active", "paused", "closed"],
    },
  },
} as const
