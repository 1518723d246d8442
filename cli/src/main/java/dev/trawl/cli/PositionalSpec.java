package dev.trawl.cli;

/**
 * The words of a command line that are not options (operands): a filter expression, file names, a program's
 * name. Immutable.
 *
 * @param label what the help calls them ({@code FILE})
 * @param description the help text
 * @param required whether at least one must be given
 * @param multiple whether more than one may be given
 */
record PositionalSpec(String label, String description, boolean required, boolean multiple) {
    /** How the synopsis and the option list write it: {@code FILE...}, {@code [EXPRESSION...]}, {@code NAME}. */
    String synopsis() {
        String word = multiple ? label + "..." : label;
        return required ? word : "[" + word + "]";
    }
}
