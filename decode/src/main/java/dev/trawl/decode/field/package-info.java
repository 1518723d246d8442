/**
 * Fields named as Wireshark names them ({@code ip.src}, {@code tcp.flags}, {@code dns.qry.name}) and printed
 * as {@code tshark -T fields} prints them. {@link dev.trawl.decode.field.FieldRegistry} resolves names,
 * {@link dev.trawl.decode.field.FieldPrinter} prints occurrences joined with commas (outermost first),
 * {@link dev.trawl.decode.field.FieldValues} collects typed values for display filters, and
 * {@link dev.trawl.decode.field.JsonWriter} writes {@code tshark -T json}-shaped output. Plugins add fields
 * through {@link dev.trawl.decode.field.FieldRegistrar}.
 */
package dev.trawl.decode.field;
