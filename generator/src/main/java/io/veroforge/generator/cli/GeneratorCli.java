package io.veroforge.generator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar veroforge-generator-<version>-cli.jar}.
 * Exit codes: 0 success, 1 the AppSpec has errors, 2 usage or unreadable file,
 * 3 the requested stage is not available yet, 4 generated but the security scan found a critical
 * finding (the output is written for inspection; do not deploy it).
 */
@Command(name = "veroforge-generator",
        mixinStandardHelpOptions = true,
        versionProvider = GeneratorCli.Version.class,
        description = "Turns a VeroForge AppSpec into an application model and a generated, security-scanned repository.",
        subcommands = {ValidateCommand.class, ExplainCommand.class, GenerateCommand.class, SimilarCommand.class,
                CommandLine.HelpCommand.class})
public final class GeneratorCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INVALID_SPEC = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_NOT_AVAILABLE = 3;
    public static final int EXIT_SCAN_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with captured output. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** With a factory for the commands (tests hand {@code generate} a pipeline of their own). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(new GeneratorCli(), factory);
        cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: validate, explain or generate");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GeneratorCli.class.getPackage().getImplementationVersion();
            return new String[] {"veroforge-generator " + (version == null ? "(development build)" : version)};
        }
    }
}
