/**
 * Fields named as Wireshark names them ({@code ip.src}, {@code tcp.flags}, {@code dns.qry.name}) and printed
 * as {@code tshark -T fields} prints them. {@link dev.trawl.decode.field.FieldRegistry} resolves names,
 * {@link dev.trawl.decode.field.FieldPrinter} prints occurrences as tshark prints them (joined with commas,
 * outermost first, or one by one), {@link dev.trawl.decode.field.FieldValues} collects typed values for
 * display filters, and {@link dev.trawl.decode.field.FieldsWriter} and {@link dev.trawl.decode.field.JsonWriter}
 * write packets in tshark's {@code -T fields}, {@code -T json} and {@code -T ek} formats. Plugins add fields
 * through {@link dev.trawl.decode.field.FieldRegistrar}.
 */
package dev.trawl.decode.field;
