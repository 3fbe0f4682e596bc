// The largest request body the API takes (data API and auth alike).
export const MAX_BODY_BYTES = 1024 * 1024;

export const tooLargeMessage = () =>
  `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most this API accepts. Send less at a time.`;
