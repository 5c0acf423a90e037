/**
 * Java types as JSON Schema, structured output bound to Java types, tools from Java code, and the tool-calling loop.
 * Types it binds and methods it calls must be readable by it: a named module that holds them opens their package to
 * {@code dev.chatsdk.tools} and {@code com.fasterxml.jackson.databind}.
 */
module dev.chatsdk.tools {
  requires transitive dev.chatsdk;
  requires com.fasterxml.classmate;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.github.victools.jsonschema.generator;
  requires com.github.victools.jsonschema.module.jackson;
  requires com.networknt.schema;

  exports dev.chatsdk.tools;
}
