// SEEK's tokens are well under 1 KiB; anything far longer is abuse, not a token.
export const MAX_SEEK_TOKEN_LENGTH = 2048;
