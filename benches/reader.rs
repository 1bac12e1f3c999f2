//! The reader's speed on a synthetic 10 MB briefing at 200x50: opening (parse, layout, first
//! frame), wrapping, one frame at the start and at the end of the document, and a frame after a
//! key. Targets (issue 4): first frame ≤ 150 ms, a frame after a key ≤ 1 ms, end/start ≤ 1.5.
//!
//! `cargo bench --bench reader` runs the criterion groups, then prints a summary with the ratio
//! and the size of the line table.

use brief::app::App;
use brief::app::library::Origin;
use brief::format;
use brief::glossary;
use brief::highlight::HighlightCache;
use brief::highlight::Highlighter;
use brief::keymap::Keymap;
use brief::layout::{DisplayLine, Layout};
use brief::model::Briefing;
use brief::theme::Theme;
use brief::ui::transcript::Transcript;
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The terminal of the benchmarks.
const SCREEN: Rect = Rect::new(0, 0, 200, 50);
/// The transcript pane beside a 40-column outline and its separator, above the status line.
const PANE: Rect = Rect::new(41, 0, 159, 49);
const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// Sentences in the register of a ministry press conference, written for this benchmark; the
/// document repeats them in a pseudo-random order so paragraphs differ in length and content.
const SENTENCES: &[&str] = &[
    "In the first half of the year, the added value of high-tech manufacturing rose by 9.6% year on year.",
    "We fostered 4,762 specialized and sophisticated SMEs and 1,300 little giants in the period.",
    "Investment in manufacturing grew 10.4%, 4.3 percentage points faster than overall investment.",
    "Output of new energy vehicles reached 2.661 million units, 1.2 times the figure a year earlier.",
    "The ministry will keep the white list of key enterprises under review and expand it where needed.",
    "Exports of electronic products held steady despite weaker demand in several overseas markets.",
    "Thank you for your question, which touches on a matter many small firms care about.",
    "We have built 1.85 million 5G base stations, and dual-gigabit networks now cover every city.",
    "Local governments issued 162.4 billion yuan of special bonds for industrial parks in the quarter.",
    "Supply chains for chips and key components remain tight, and we are working with firms on it.",
    "The red-yellow-blue early warning system has been extended to another 600 industrial clusters.",
    "Energy use per unit of industrial added value fell by 5.6% compared with the same period last year.",
    "Could you tell us what the ministry plans to do about the cost of raw materials for small firms?",
    "Our next step is to carry out the tasks set out in the 14th Five-Year Plan for the sector.",
    "Profits of industrial enterprises above designated size rose 1.0%, an improvement on May.",
    "We will announce the details at a later date, once the consultation with local authorities ends.",
];

const OUTLETS: &[&str] = &[
    "China Daily",
    "The Paper",
    "Xinhua News Agency",
    "CCTV",
    "Reuters",
];

/// A pseudo-random sequence that is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn paragraph(rng: &mut Lcg, out: &mut String) {
    let n = 2 + rng.next(6);
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(SENTENCES[rng.next(SENTENCES.len())]);
    }
    out.push_str("\n\n");
}

/// The text of a briefing of about `bytes` bytes in the annotated format.
fn synthetic(bytes: usize) -> String {
    let mut s = String::from(
        "+++\ntitle = \"Synthetic briefing on industry and information technology\"\n\
         date = \"2022-07-19\"\n\n\
         [[speakers]]\nid = \"xing\"\nname = \"Xing Huina\"\nrole = \"Spokesperson\"\nkind = \"host\"\n\n\
         [[speakers]]\nid = \"tian\"\nname = \"Tian Yulong\"\nrole = \"Chief engineer\"\n\n\
         [[speakers]]\nid = \"luo\"\nname = \"Luo Junjie\"\nrole = \"Director general\"\n\n\
         [[glossary]]\nterm = \"little giants\"\ndefinition = \"Small firms singled out for niche technology.\"\n\
         +++\n\n## remarks\n\n@xing:\n",
    );
    let mut rng = Lcg(7);
    paragraph(&mut rng, &mut s);
    while s.len() < bytes {
        s.push_str(&format!(
            "## qa [{}]\n\n@reporter:\n",
            OUTLETS[rng.next(OUTLETS.len())]
        ));
        paragraph(&mut rng, &mut s);
        let who = if rng.next(2) == 0 { "tian" } else { "luo" };
        s.push_str(&format!("@{who}:\n"));
        for _ in 0..1 + rng.next(4) {
            paragraph(&mut rng, &mut s);
        }
    }
    s
}

/// A Chinese-language briefing of about `bytes` bytes: its paragraphs take the wrapper's
/// non-ASCII path, not the ASCII one.
fn synthetic_zh(bytes: usize) -> String {
    const ZH: &[&str] = &[
        "上半年，规模以上工业增加值同比增长3.4%，其中高技术制造业增长9.6%。",
        "我们培育了4762家专精特新中小企业，新增“小巨人”企业1300家。",
        "下一步，我们将落实好“十四五”规划确定的各项任务，稳住工业经济大盘。",
        "感谢您的提问，这个问题很多中小企业都很关心。",
    ];
    let mut s = String::from(
        "+++\ntitle = \"合成的中文发布会\"\nlanguage = \"zh\"\n\n\
         [[speakers]]\nid = \"tian\"\nname = \"田玉龙\"\nrole = \"总工程师\"\n+++\n\n",
    );
    let mut rng = Lcg(11);
    while s.len() < bytes {
        s.push_str("## qa [中国日报]\n\n@reporter:\n");
        s.push_str(ZH[3]);
        s.push_str("\n\n@tian:\n");
        for _ in 0..2 + rng.next(5) {
            s.push_str(ZH[rng.next(ZH.len())]);
        }
        s.push_str("\n\n");
    }
    s
}

fn highlighter(b: &Briefing) -> Highlighter {
    let shared = glossary::shared_for(None).unwrap_or_default();
    Highlighter::new(glossary::merged(&b.glossary, &shared))
}

/// The whole reader, as `brief FILE` starts it: parse, open, first frame (outline, transcript,
/// status line) on a 200x50 terminal.
fn open_app(text: &str) -> (App, Terminal<TestBackend>) {
    let b = format::parse(text, "synthetic.brief").unwrap();
    let mut app = App::new(Keymap::defaults(), SCREEN, false).with_theme(Theme::colored());
    app.open(b, Origin::File("synthetic.brief".into()));
    let mut term = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).unwrap();
    term.draw(|f| brief::ui::draw(f, &app)).unwrap();
    (app, term)
}

/// One key press and the frame that follows it.
fn key_and_frame(app: &mut App, term: &mut Terminal<TestBackend>, key: char) {
    app.on_key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
    term.draw(|f| brief::ui::draw(f, app)).unwrap();
}

/// Draw one frame of the transcript at `offset`.
fn frame(
    b: &Briefing,
    l: &Layout,
    h: &Highlighter,
    cache: &HighlightCache,
    offset: usize,
    buf: &mut Buffer,
) {
    let theme = Theme::colored();
    Transcript::new(b, l, offset, &theme, h, cache)
        .current(l.anchor_at(offset))
        .render(PANE, buf);
}

struct Doc {
    text: String,
    b: Briefing,
    h: Highlighter,
    layout: Layout,
}

fn doc() -> Doc {
    let text = synthetic(TARGET_BYTES);
    let b = format::parse(&text, "synthetic.brief").expect("the synthetic briefing parses");
    let h = highlighter(&b);
    let layout = Layout::new(&b, PANE.width);
    Doc { text, b, h, layout }
}

fn benches(c: &mut Criterion) {
    let d = doc();
    let end = d.layout.len().saturating_sub(usize::from(PANE.height));
    let mut g = c.benchmark_group("reader_10mb");
    g.sample_size(10);
    g.bench_function("open_to_first_frame", |bench| {
        bench.iter(|| {
            let b = format::parse(black_box(&d.text), "synthetic.brief").unwrap();
            let h = highlighter(&b);
            let l = Layout::new(&b, PANE.width);
            let mut buf = Buffer::empty(SCREEN);
            frame(&b, &l, &h, &HighlightCache::default(), 0, &mut buf);
            buf
        })
    });
    g.bench_function("app_open_to_first_frame", |bench| {
        bench.iter(|| open_app(black_box(&d.text)))
    });
    g.bench_function("layout_wrap", |bench| {
        bench.iter(|| Layout::new(black_box(&d.b), PANE.width))
    });
    g.finish();

    let mut g = c.benchmark_group("frame_200x50");
    // A cold frame computes the highlights of the paragraphs on screen; a frame after a key
    // (one line down) finds almost all of them in the cache.
    for (name, offset) in [("start_cold", 0), ("end_cold", end)] {
        g.bench_function(name, |bench| {
            let mut buf = Buffer::empty(SCREEN);
            bench.iter(|| {
                frame(
                    &d.b,
                    &d.layout,
                    &d.h,
                    &HighlightCache::default(),
                    offset,
                    &mut buf,
                )
            })
        });
    }
    for (name, offset) in [("start_after_key", 0), ("end_after_key", end)] {
        g.bench_function(name, |bench| {
            let cache = HighlightCache::default();
            let mut buf = Buffer::empty(SCREEN);
            frame(&d.b, &d.layout, &d.h, &cache, offset, &mut buf);
            let mut k = 0;
            bench.iter(|| {
                k = (k + 1) % 2;
                frame(&d.b, &d.layout, &d.h, &cache, offset + k, &mut buf)
            })
        });
    }
    // The whole screen after j / k at the start and G / g (both ends) of the document.
    let (mut app, mut term) = open_app(&d.text);
    g.bench_function("app_key_j_k", |bench| {
        let mut k = false;
        bench.iter(|| {
            k = !k;
            key_and_frame(&mut app, &mut term, if k { 'j' } else { 'k' })
        })
    });
    g.bench_function("app_key_g_G", |bench| {
        let mut k = false;
        bench.iter(|| {
            k = !k;
            key_and_frame(&mut app, &mut term, if k { 'G' } else { 'g' })
        })
    });
    g.finish();
}

/// The fastest per-call time of each of `fs` over `rounds` batches of `batch` calls, measured in
/// turns so that all see the same load. On a shared machine the fastest batch is the one least
/// disturbed by other processes, so it is the steadiest figure to compare.
fn fastest<const N: usize>(
    rounds: usize,
    batch: u32,
    fs: &mut [&mut dyn FnMut(); N],
) -> [Duration; N] {
    let mut t = vec![Vec::with_capacity(rounds); N];
    for _ in 0..rounds {
        for (i, f) in fs.iter_mut().enumerate() {
            let s = Instant::now();
            for _ in 0..batch {
                f();
            }
            t[i].push(s.elapsed() / batch);
        }
    }
    std::array::from_fn(|i| t[i].iter().copied().min().unwrap_or_default())
}

/// The figures the issue asks for, in one place (fastest of repeated runs).
fn summary() {
    let d = &doc();
    let end = d.layout.len().saturating_sub(usize::from(PANE.height));
    let theme = Theme::colored();
    let cold = |offset: usize| {
        let mut buf = Buffer::empty(SCREEN);
        move || {
            frame(
                &d.b,
                &d.layout,
                &d.h,
                &HighlightCache::default(),
                offset,
                &mut buf,
            )
        }
    };
    let (mut start, mut at_end) = (cold(0), cold(end));
    let cache = HighlightCache::default();
    let mut buf = Buffer::empty(SCREEN);
    let mut k = 0;
    let mut after_key = || {
        k = (k + 1) % 2;
        frame(&d.b, &d.layout, &d.h, &cache, end + k, &mut buf)
    };
    let [start, at_end, after_key] =
        fastest(301, 5, &mut [&mut start, &mut at_end, &mut after_key]);
    let [wrap] = fastest(
        5,
        1,
        &mut [&mut || {
            black_box(Layout::new(&d.b, PANE.width));
        }],
    );
    let [open] = fastest(
        3,
        1,
        &mut [&mut || {
            let b = format::parse(&d.text, "synthetic.brief").unwrap();
            let h = highlighter(&b);
            let l = Layout::new(&b, PANE.width);
            let mut buf = Buffer::empty(SCREEN);
            Transcript::new(&b, &l, 0, &theme, &h, &HighlightCache::default())
                .render(PANE, &mut buf);
        }],
    );
    let [app_open] = fastest(
        3,
        1,
        &mut [&mut || {
            black_box(open_app(&d.text));
        }],
    );
    let (mut app, mut term) = open_app(&d.text);
    let mut down = false;
    let [app_key] = fastest(
        101,
        10,
        &mut [&mut || {
            down = !down;
            key_and_frame(&mut app, &mut term, if down { 'j' } else { 'k' })
        }],
    );
    let zh_text = synthetic_zh(TARGET_BYTES);
    let zh = format::parse(&zh_text, "zh.brief").expect("the Chinese briefing parses");
    let [zh_wrap] = fastest(
        3,
        1,
        &mut [&mut || {
            black_box(Layout::new(&zh, PANE.width));
        }],
    );
    let table = d.layout.len() * std::mem::size_of::<DisplayLine>();
    let mb = |n: usize| n as f64 / 1e6;
    println!(
        "\nreader summary: synthetic briefing of {:.1} MB, transcript pane {}x{} (fastest of repeated runs)",
        mb(d.text.len()),
        PANE.width,
        PANE.height
    );
    println!("  open to first frame {open:>9.2?}  (parse + highlighter + layout + frame)");
    println!(
        "  layout (wrap)       {wrap:>9.2?}  {} lines, line table {:.1} MB",
        d.layout.len(),
        mb(table)
    );
    println!(
        "  layout of {:.1} MB of Chinese text {zh_wrap:>9.2?}  (non-ASCII path)",
        mb(zh_text.len())
    );
    println!("  frame at start      {start:>9.2?}");
    println!(
        "  frame at end        {at_end:>9.2?}  end/start {:.2}",
        at_end.as_secs_f64() / start.as_secs_f64()
    );
    println!("  frame after a key   {after_key:>9.2?}");
    println!("  reader: open to first frame {app_open:>9.2?}, key + whole frame {app_key:>9.2?}");
}

criterion_group!(group, benches);

fn main() {
    // For whole-process measurements (peak memory with /usr/bin/time -v, say), the briefing can be
    // written out: BRIEF_SYNTHETIC_OUT=/tmp/synthetic.brief cargo bench --bench reader
    if let Some(path) = std::env::var_os("BRIEF_SYNTHETIC_OUT") {
        std::fs::write(&path, synthetic(TARGET_BYTES)).expect("write the synthetic briefing");
    }
    group();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
