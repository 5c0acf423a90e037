package dev.chatsdk.testkit;

import dev.chatsdk.model.TokenLogprob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state a {@link FakeReply} modifier edits before it becomes a new immutable reply. */
final class ReplyDraft {
  FakeReply.Kind kind;
  int status;
  String contentType;
  String body;
  String text;
  List<String> pieces;
  String reasoning;
  List<FakeReply.ToolCallSpec> toolCalls = new ArrayList<>();
  String finishReason;
  long[] usage;
  List<TokenLogprob> logprobs;
  int choices = 1;
  Map<String, List<String>> headers = new LinkedHashMap<>();
  int chunkSize = 1;
  Duration chunkDelay = Duration.ZERO;
  Duration headersDelay = Duration.ZERO;
  int errorEventAfter = -1;
  String errorEventMessage;
  int cutAfter = -1;
  int stallAfter = -1;
  String id;
  String model;
  Long created;
  String systemFingerprint;

  ReplyDraft(FakeReply.Kind kind, int status) {
    this.kind = kind;
    this.status = status;
  }

  ReplyDraft(FakeReply reply) {
    kind = reply.kind;
    status = reply.status;
    contentType = reply.contentType;
    body = reply.body;
    text = reply.text;
    pieces = reply.pieces;
    reasoning = reply.reasoning;
    toolCalls = new ArrayList<>(reply.toolCalls);
    finishReason = reply.finishReason;
    usage = reply.usage;
    logprobs = reply.logprobs;
    choices = reply.choices;
    reply.headers.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    chunkSize = reply.chunkSize;
    chunkDelay = reply.chunkDelay;
    headersDelay = reply.headersDelay;
    errorEventAfter = reply.errorEventAfter;
    errorEventMessage = reply.errorEventMessage;
    cutAfter = reply.cutAfter;
    stallAfter = reply.stallAfter;
    id = reply.id;
    model = reply.model;
    created = reply.created;
    systemFingerprint = reply.systemFingerprint;
  }
}
