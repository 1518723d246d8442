package dev.trawl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code trawl example NAME [ARGS...]}: runs one of the example programs in {@code dev.trawl.examples}. */
@Command(name = "example", description = "Run an example program: ListDevices, ReadFilterDecode, WriteCapture, GuiceBackends, FanoutReaders, FollowStreams.")
final class ExampleCommand implements Callable<Integer> {
    static final List<String> NAMES = List.of("ListDevices", "ReadFilterDecode", "WriteCapture", "GuiceBackends",
            "FanoutReaders", "FollowStreams");

    @Parameters(index = "0", paramLabel = "NAME", description = "The example's class name.")
    String name;
    @Parameters(index = "1..*", paramLabel = "ARG", description = "Arguments for the example.")
    List<String> args = new ArrayList<>();

    private final Io io;

    ExampleCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
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
