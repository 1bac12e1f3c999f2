//! The sample briefings built into the binary, shown by `brief` when there is no ./briefings: the
//! shipped briefings of the repository's `briefings/` folder (the seeds, imported and checked).

/// A briefing embedded in the binary.
pub struct Sample {
    /// A file-like name used in messages and the library list.
    pub name: &'static str,
    pub text: &'static str,
}

/// One embedded shipped briefing, named by its file in `briefings/`.
macro_rules! shipped {
    ($file:literal) => {
        Sample {
            name: $file,
            text: include_str!(concat!("../briefings/", $file)),
        }
    };
}

/// The built-in samples.
pub const SAMPLES: &[Sample] = &[
    shipped!("2022-07-19-scio-industry-and-it-first-half.brief"),
    shipped!("2023-07-20-industrial-recovery-digital-upgrading.brief"),
    shipped!("manufacturing-resumption-report.brief"),
    shipped!("miit-industrial-economy-hot-spots.brief"),
    shipped!("miit-industry-recovery-report.brief"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_briefing_is_built_in_and_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings");
        let shipped = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "brief"))
            .count();
        assert_eq!(
            SAMPLES.len(),
            shipped,
            "add new briefings/*.brief to SAMPLES"
        );
        for s in SAMPLES {
            crate::format::parse(s.text, s.name).unwrap();
        }
    }
}
