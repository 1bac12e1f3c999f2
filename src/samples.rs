//! The sample briefings built into the binary, shown by `brief` when there is no ./briefings.

/// A briefing embedded in the binary.
pub struct Sample {
    /// A file-like name used in messages and the library list.
    pub name: &'static str,
    pub text: &'static str,
}

/// The built-in samples: our own example briefings until the shipped `briefings/*.brief` exist.
pub const SAMPLES: &[Sample] = &[
    Sample {
        name: "harbour.brief",
        text: include_str!("../tests/fixtures/reader/harbour.brief"),
    },
    Sample {
        name: "chengshi.brief",
        text: include_str!("../tests/fixtures/reader/chengshi.brief"),
    },
];
