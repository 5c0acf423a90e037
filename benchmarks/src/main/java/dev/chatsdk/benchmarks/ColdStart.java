package dev.chatsdk.benchmarks;

/**
 * The cold-start child: {@code java -cp <contender's jars> dev.chatsdk.benchmarks.ColdStart <contender class> <base
 * URL>}. Builds the contender, makes one non-streaming call, prints the parsed content as one line (the parent stops
 * its clock when that line arrives) and exits without waiting for client threads.
 */
public final class ColdStart {
  private ColdStart() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Contender contender =
        Class.forName(args[0]).asSubclass(Contender.class).getConstructor(String.class).newInstance(args[1]);
    String content = contender.complete();
    System.out.println(content);
    System.out.flush();
    System.exit(0);
  }
}
