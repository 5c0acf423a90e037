/** Java types as JSON Schema, structured output and the tool-calling loop. */
package dev.chatsdk.tools;
