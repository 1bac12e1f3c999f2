//! The shapes a hostile or careless file can take, each of which was once quadratic (issue #10):
//! one paragraph with a million inline marks, and a 5 MB paragraph wrapped at width 1. Target:
//! each under 1 s, from parse to the first frame.

use brief::highlight::HighlightCache;
use brief::highlight::Highlighter;
use brief::layout::Layout;
use brief::model::Briefing;
use brief::theme::Theme;
use brief::ui::transcript::Transcript;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;

const HEADER: &str = "+++\ntitle = \"hostile\"\ndate = \"2024-01-01\"\nlanguage = \"en\"\n\n\
[[speakers]]\nid = \"a\"\nname = \"A\"\nkind = \"official\"\n+++\n\n## remarks\n\n@a:\n";

/// A briefing whose one paragraph is `body`.
fn briefing_text(body: &str) -> String {
    format!("{HEADER}{body}\n")
}

/// A million marks, figures and terms in turn, in one line of about 14 MB.
fn million_marks() -> String {
    let mut s = String::with_capacity(14 << 20);
    for i in 0..1_000_000 {
        if i > 0 {
            s.push(' ');
        }
        if i % 2 == 0 {
            s.push_str(&format!("[[w{i}]]"));
        } else {
            s.push_str(&format!("{{{{{i} yuan}}}}"));
        }
    }
    s
}

/// About 5 MB of words in one paragraph.
fn long_paragraph() -> String {
    let mut s = String::with_capacity(5 << 20);
    let mut i = 0;
    while s.len() < 5 << 20 {
        s.push_str(&format!("word{} ", i % 97));
        i += 1;
    }
    s
}

/// The first 80x40 frame of the transcript.
fn first_frame(b: &Briefing, layout: &Layout, hl: &Highlighter) -> Buffer {
    let area = Rect::new(0, 0, 80, 40);
    let mut buf = Buffer::empty(area);
    let cache = HighlightCache::default();
    Transcript::new(b, layout, 0, &Theme::colored(), hl, &cache).render(area, &mut buf);
    buf
}

fn bench(c: &mut Criterion) {
    let marks = briefing_text(&million_marks());
    let long = briefing_text(&long_paragraph());
    let mut g = c.benchmark_group("hostile");
    g.sample_size(10);
    g.bench_function("million_marks_parse_highlight_frame", |bench| {
        bench.iter(|| {
            let b = brief::format::parse(black_box(&marks), "marks.brief").unwrap();
            let hl = Highlighter::figures_only();
            let spans = b
                .paragraphs()
                .map(|(_, p)| hl.paragraph(p).len())
                .sum::<usize>();
            let layout = Layout::new(&b, 80);
            black_box((spans, first_frame(&b, &layout, &hl)))
        })
    });
    g.bench_function("five_mb_paragraph_width_1", |bench| {
        bench.iter(|| {
            let b = brief::format::parse(black_box(&long), "long.brief").unwrap();
            let layout = Layout::new(&b, 1);
            let hl = Highlighter::figures_only();
            black_box((layout.len(), first_frame(&b, &layout, &hl)))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
