//! Print a synthetic briefing of about N megabytes (default 10) made from the shipped briefings:
//! `cargo run --release --example synthetic -- 10 > /tmp/big.brief`.

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    print!("{}", brief::synthetic::large_briefing_text(repo, mb << 20));
}
