import { AppError, archiveTooLarge, payloadTooLarge } from "../errors.ts";
import { DocxImportError } from "./imported.ts";

/** A body that is not a DOCX by its content type: refused before it is read. */
export const unsupportedMediaType = () =>
  new AppError(
    415,
    "unsupported_media_type",
    "send the Word file as application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );

/** A file that names a version other than the one it is said to come back from. */
export const otherVersion = () =>
  new AppError(422, "word_other_version", "the file is an export of another version or document");

/** A file whose differences would not be the user's own suggestions under the server's rule. */
export const notSuggestions = (reason: string) =>
  new AppError(409, "word_not_suggestions", `the file's changes cannot be taken as your suggestions: ${reason}`);

/** What the API answers for a Word file that could not be read (nothing was created). */
export function importError(err: DocxImportError): AppError {
  switch (err.problem) {
    case "file_too_large":
      return payloadTooLarge();
    case "archive_too_large":
      return archiveTooLarge(err.message);
    case "not_docx":
      return new AppError(422, "word_not_docx", err.message);
    case "no_document":
      return new AppError(422, "word_no_document", err.message);
    case "malformed_xml":
      return new AppError(422, "word_malformed_xml", err.message);
    case "too_complex":
      return new AppError(422, "word_too_complex", err.message);
  }
}

/** Reads with `read`, turning the reader's typed problems into API errors. */
export async function readOrRefuse<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof DocxImportError) throw importError(err);
    throw err;
  }
}
