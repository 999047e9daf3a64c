package io.crossview.deploy.eval;

import picocli.CommandLine.Command;

/** {@code crossview eval}: scores tracking and re-ID results against ground truth. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Score results against ground truth.",
        subcommands = {EvalMotCommand.class, EvalReidCommand.class})
public final class EvalCommand {
}
