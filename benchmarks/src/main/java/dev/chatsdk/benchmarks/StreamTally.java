package dev.chatsdk.benchmarks;

/**
 * What a contender read from one stream.
 *
 * @param chunks the chunks that arrived before {@code [DONE]}; the harness checks it against what the server sent
 * @param chars the characters handed to the application (delta content for an SDK, the data payload for the raw
 *     floor); folded into a sink so the JIT cannot drop the reads
 */
public record StreamTally(int chunks, long chars) {}
