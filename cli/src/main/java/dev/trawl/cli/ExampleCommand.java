package dev.trawl.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/** {@code trawl example NAME [ARGS...]}: runs one of the example programs in {@code dev.trawl.examples}. */
final class ExampleCommand {
    static final List<String> NAMES = List.of("ListDevices", "ReadFilterDecode", "WriteCapture", "GuiceBackends",
            "FanoutReaders", "FollowStreams");
    static final String DESCRIPTION = "Run an example program: " + String.join(", ", NAMES) + ".";
    static final OptionSpec HELP = OptionSpec.flag("-h, --help", "Show this help and exit.");
    /** Options end at the example's name: what follows is the example's own. */
    static final CommandSpec SPEC = new CommandSpec("trawl example", List.of(DESCRIPTION), List.of(HELP),
            List.of(new PositionalSpec("NAME", "The example's class name.", true, false),
                    new PositionalSpec("ARG", "Arguments for the example.", false, true)),
            List.of(), List.of(), true);

    private final Io io;

    ExampleCommand(Io io) {
        this.io = io;
    }

    /** Reads {@code args[from..]} and runs the example it names; returns the exit status. */
    int run(String[] args, int from) throws UsageException {
        ParsedLine line = ArgumentParser.parse(SPEC, args, from);
        if (line.has(HELP)) {
            io.out().print(HelpText.of(SPEC));
            io.out().flush();
            return 0;
        }
        List<String> words = line.operands();
        if (words.isEmpty()) {
            throw new UsageException("Missing required parameter: 'NAME'");
        }
        try {
            return call(words.getFirst(), words.subList(1, words.size()));
        } catch (Exception e) {
            return Errors.report(e, io.err(), false);
        }
    }

    private int call(String name, List<String> args) throws Exception {
        if (!NAMES.contains(name)) {
            throw new CliException("no example named '" + name + "'; examples: " + String.join(", ", NAMES), 2, null);
        }
        Method main = Class.forName("dev.trawl.examples." + name).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        io.out().flush();
        return 0;
    }
}
