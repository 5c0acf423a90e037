package dev.chatsdk.model;

/**
 * One part of a message whose content is an array, told apart on the wire by {@code type}: {@code text},
 * {@code image_url}, {@code input_audio}, {@code file} (OpenAI), {@code audio_url}, {@code video_url} (Friendli, vLLM)
 * and {@code refusal} (assistant messages).
 */
public sealed interface ContentPart
    permits TextPart, ImageUrlPart, InputAudioPart, FilePart, AudioUrlPart, VideoUrlPart, RefusalPart {

  /** The wire {@code type} of this part. */
  String type();

  /** A {@code text} part. */
  static TextPart text(String text) {
    return new TextPart(text);
  }

  /** An {@code image_url} part; {@code url} is a web address or a {@code data:} URL with base64 image bytes. */
  static ImageUrlPart imageUrl(String url) {
    return new ImageUrlPart(ImageUrl.of(url));
  }

  /** An {@code image_url} part with a {@code detail} level ({@code auto}, {@code low} or {@code high}). */
  static ImageUrlPart imageUrl(String url, String detail) {
    return new ImageUrlPart(ImageUrl.of(url, detail));
  }

  /** An {@code input_audio} part: base64 audio {@code data} in a {@code format} such as {@code wav} or {@code mp3}. */
  static InputAudioPart inputAudio(String data, String format) {
    return new InputAudioPart(new InputAudio(data, format));
  }

  /** A {@code file} part. */
  static FilePart file(FileData file) {
    return new FilePart(file);
  }

  /** An {@code audio_url} part. */
  static AudioUrlPart audioUrl(String url) {
    return new AudioUrlPart(new MediaUrl(url));
  }

  /** A {@code video_url} part. */
  static VideoUrlPart videoUrl(String url) {
    return new VideoUrlPart(new MediaUrl(url));
  }

  /** A {@code refusal} part, for assistant messages. */
  static RefusalPart refusal(String refusal) {
    return new RefusalPart(refusal);
  }
}
