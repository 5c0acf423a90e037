package dev.chatsdk.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code file} object of a file part (OpenAI): either inline base64 data with a file name, or the id of an
 * uploaded file.
 *
 * @param fileData base64-encoded file contents
 * @param fileId the id of an uploaded file
 * @param filename the file name, used with {@code fileData}
 */
public record FileData(
    @JsonProperty("file_data") Optional<String> fileData,
    @JsonProperty("file_id") Optional<String> fileId,
    @JsonProperty("filename") Optional<String> filename) {
  public FileData {
    fileData = Copies.optional(fileData);
    fileId = Copies.optional(fileId);
    filename = Copies.optional(filename);
  }

  /** Inline file contents. */
  public static FileData inline(String filename, String base64Data) {
    return new FileData(
        Optional.of(Objects.requireNonNull(base64Data, "base64Data == null")),
        Optional.empty(),
        Optional.of(Objects.requireNonNull(filename, "filename == null")));
  }

  /** A file uploaded before, by id. */
  public static FileData uploaded(String fileId) {
    Objects.requireNonNull(fileId, "fileId == null");
    return new FileData(Optional.empty(), Optional.of(fileId), Optional.empty());
  }
}
