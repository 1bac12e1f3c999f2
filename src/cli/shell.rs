//! What fits brief into the shell: completion scripts, the man page, and a mistyped command told
//! as one rather than as a file that does not exist.

use super::{CliError, CliResult};
use clap::Command;

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

/// `brief completions SHELL`: the completion script on standard output.
pub fn completions(args: CompletionsArgs, mut cmd: Command) -> CliResult {
    let mut out = Vec::new();
    let name = cmd.get_name().to_string();
    clap_complete::generate(args.shell, &mut cmd, name, &mut out);
    super::emit_raw(&String::from_utf8_lossy(&out))
}

/// `brief man`: the man page (roff) on standard output.
pub fn man(cmd: Command) -> CliResult {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| CliError::invalid(format!("man page: {e}")))?;
    super::emit_raw(&String::from_utf8_lossy(&out))
}

/// A first argument that is no file, no folder and no command but is close to a command's name
/// (`brief imprt x.txt`) was meant as that command: say so instead of "no such file".
pub fn mistyped_command(first: &str, cmd: &Command) -> Option<CliError> {
    let looks_like_a_word = !first.is_empty()
        && first.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !std::path::Path::new(first).exists();
    if !looks_like_a_word {
        return None;
    }
    let names = cmd.get_subcommands().map(|c| c.get_name());
    if cmd.get_subcommands().any(|c| c.get_name() == first) {
        return None;
    }
    let (best, distance) = names
        .map(|n| (n, edit_distance(first, n)))
        .min_by_key(|&(_, d)| d)?;
    // One slip in a short name, two in a longer one: further off, it is more likely a file name.
    let allowed = if best.len() <= 4 { 1 } else { 2 };
    (distance <= allowed).then(|| {
        CliError::usage(format!(
            "unknown command `{first}`; did you mean `{best}`? (brief --help lists the commands)"
        ))
    })
}

/// Levenshtein distance over characters, with a swap of neighbours counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    rows[0] = (0..=b.len()).collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commands() -> Command {
        Command::new("brief")
            .subcommand(Command::new("import"))
            .subcommand(Command::new("check"))
            .subcommand(Command::new("fmt"))
    }

    #[test]
    fn a_near_miss_names_the_command() {
        let e = mistyped_command("imprt", &commands()).unwrap();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("did you mean `import`"), "{}", e.message);
        assert!(mistyped_command("chekc", &commands()).is_some());
        assert!(mistyped_command("fnt", &commands()).is_some());
    }

    #[test]
    fn words_far_from_any_command_and_real_commands_are_left_alone() {
        assert!(mistyped_command("import", &commands()).is_none());
        assert!(mistyped_command("harbour", &commands()).is_none());
        assert!(mistyped_command("briefings/x.brief", &commands()).is_none());
        assert!(mistyped_command("ft", &commands()).is_some());
        assert!(mistyped_command("xyz", &commands()).is_none());
    }

    #[test]
    fn distance_counts_a_swap_once() {
        assert_eq!(edit_distance("chekc", "check"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
