import { HttpError } from '../http/HttpError';

const field = 'List-Unsubscribe';
const value = 'One-Click';

/**
 * Whether a one-click POST body says `List-Unsubscribe=One-Click` (RFC 8058), sent as
 * `application/x-www-form-urlencoded` (mail clients, and the confirmation page) or as
 * `multipart/form-data`. Another media type is refused with 415.
 */
export function isOneClickBody(contentType: string | undefined, body: Buffer): boolean {
  const [type = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const mediaType = type.toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(body.toString('utf8')).getAll(field).includes(value);
  }
  if (mediaType === 'multipart/form-data') {
    const boundary = parameters
      .map((parameter) => /^boundary=(?:"([^"]+)"|(\S+))$/i.exec(parameter))
      .find((found) => found !== null);
    const delimiter = boundary?.[1] ?? boundary?.[2];
    return delimiter !== undefined && multipartHasOneClick(body.toString('utf8'), delimiter);
  }
  throw new HttpError(
    415,
    'unsupported_media_type',
    'Send List-Unsubscribe=One-Click as application/x-www-form-urlencoded or multipart/form-data.',
  );
}

function multipartHasOneClick(text: string, boundary: string): boolean {
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const headers = part.slice(0, split).toLowerCase();
    const named = /content-disposition:\s*form-data;[^\r\n]*\bname="?list-unsubscribe"?(;|\s|$)/m;
    if (
      named.test(headers) &&
      part
        .slice(split + 4)
        .replace(/\r\n$/, '')
        .trim() === value
    ) {
      return true;
    }
  }
  return false;
}
