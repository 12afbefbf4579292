//! Pretty-printed JSON objects whose long arrays are rendered a part at a
//! time on the threads of the current rayon pool and written in order: the
//! bytes are those serde_json's pretty printer writes for the whole object
//! in one piece, which on one thread was a sixth of a large run's time.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};
use std::iter::Peekable;
use std::sync::mpsc;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// One level of indentation.
const INDENT: &[u8] = b" ";

/// At most this many array elements are rendered together by one thread.
const PART: usize = 1024;

/// A part's elements hold about this much in all, as the caller weighs
/// them (nested elements, a few hundred bytes each), so the parts in
/// flight take a megabyte each. An element heavier than this alone (an
/// entity with thousands of mentions) is rendered by the writing thread
/// straight into the output, when its turn comes, instead of taking its
/// size twice.
const PART_WEIGHT: usize = 2048;

/// A JSON object at the top of a document, written field by field.
pub struct PrettyObject<W: Write> {
    writer: W,
    formatter: PrettyFormatter<'static>,
    first: bool,
}

impl<W: Write> PrettyObject<W> {
    /// Opens the object.
    pub fn new(mut writer: W) -> io::Result<Self> {
        let mut formatter = PrettyFormatter::with_indent(INDENT);
        formatter.begin_object(&mut writer)?;
        Ok(Self { writer, formatter, first: true })
    }

    /// A field with a value rendered in one piece.
    pub fn field(&mut self, key: &str, value: &impl Serialize) -> io::Result<()> {
        self.key(key)?;
        render(value, 1, &mut self.writer)?;
        self.formatter.end_object_value(&mut self.writer)
    }

    /// A field whose value is the array of `items`, each written as
    /// `to_json` makes it. The pool's threads render parts of the array
    /// ahead while this thread writes them in order.
    pub fn array_field<I, J>(
        &mut self,
        key: &str,
        items: impl Iterator<Item = I>,
        weight: impl Fn(&I) -> usize,
        to_json: impl Fn(&I) -> J + Sync,
    ) -> io::Result<()>
    where
        I: Send,
        J: Serialize,
    {
        self.key(key)?;
        self.formatter.begin_array(&mut self.writer)?;
        let mut first = true;
        if rayon::current_thread_index().is_some() {
            // A pool thread (writing a shard while the others extract) that
            // waited for parts could wait for work queued behind itself.
            for item in items {
                self.element(&mut first, |writer| render(&to_json(&item), 2, writer))?;
            }
        } else {
            self.render_ahead(&mut items.peekable(), &weight, &to_json, &mut first)?;
        }
        self.formatter.end_array(&mut self.writer)?;
        self.formatter.end_object_value(&mut self.writer)
    }

    /// Hands parts of `items` to the pool's threads, up to a few per thread
    /// ahead of the writing, and writes each part when it is rendered.
    fn render_ahead<I: Send, J: Serialize>(
        &mut self,
        items: &mut Peekable<impl Iterator<Item = I>>,
        weight: &impl Fn(&I) -> usize,
        to_json: &(impl Fn(&I) -> J + Sync),
        first: &mut bool,
    ) -> io::Result<()> {
        let (done, arrivals) = mpsc::channel::<(usize, Part<I>)>();
        let ahead = 3 * rayon::current_num_threads() + 1;
        let mut free: Vec<Part<I>> = std::iter::repeat_with(Part::default).take(ahead).collect();
        let mut queue = VecDeque::new();
        let mut arrived = BTreeMap::new();
        rayon::in_place_scope(|scope| {
            let mut sent = 0;
            loop {
                while let Some(mut part) = free.pop() {
                    part.fill(items, weight);
                    if part.items.is_empty() {
                        free.push(part);
                        break;
                    }
                    if part.direct {
                        queue.push_back(Queued::Here(part));
                        continue;
                    }
                    let (done, number) = (done.clone(), sent);
                    sent += 1;
                    queue.push_back(Queued::Rendering(number));
                    scope.spawn(move |_| {
                        part.render(to_json);
                        // The receiver outlives the scope, so the send cannot fail.
                        let _ = done.send((number, part));
                    });
                }
                let mut part = match queue.pop_front() {
                    None => return Ok(()),
                    Some(Queued::Here(part)) => part,
                    Some(Queued::Rendering(number)) => loop {
                        if let Some(part) = arrived.remove(&number) {
                            break part;
                        }
                        let (number, part) = arrivals.recv().expect("the senders live in this scope");
                        arrived.insert(number, part);
                    },
                };
                self.write_part(&mut part, to_json, first)?;
                free.push(part);
            }
        })
    }

    /// Writes a part's items as array elements and empties it.
    fn write_part<I, J: Serialize>(
        &mut self,
        part: &mut Part<I>,
        to_json: &impl Fn(&I) -> J,
        first: &mut bool,
    ) -> io::Result<()> {
        if let Some(error) = part.error.take() {
            return Err(error);
        }
        for (n, item) in part.items.iter().enumerate() {
            if part.direct {
                self.element(first, |writer| render(&to_json(item), 2, writer))?;
            } else {
                self.element(first, |writer| writer.write_all(part.element(n)))?;
            }
        }
        part.clear();
        Ok(())
    }

    /// Writes one array element.
    fn element(&mut self, first: &mut bool, write: impl FnOnce(&mut W) -> io::Result<()>) -> io::Result<()> {
        self.formatter.begin_array_value(&mut self.writer, *first)?;
        write(&mut self.writer)?;
        *first = false;
        self.formatter.end_array_value(&mut self.writer)
    }

    /// Closes the object and hands back the writer.
    pub fn end(mut self) -> io::Result<W> {
        self.formatter.end_object(&mut self.writer)?;
        Ok(self.writer)
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        self.formatter.begin_object_key(&mut self.writer, self.first)?;
        self.first = false;
        // A key is written as a string is, in either printer.
        serde_json::to_writer(&mut self.writer, key)?;
        self.formatter.end_object_key(&mut self.writer)?;
        self.formatter.begin_object_value(&mut self.writer)
    }
}

/// A part in the order of writing: being rendered by the pool, or to be
/// rendered by the writing thread.
enum Queued<I> {
    Rendering(usize),
    Here(Part<I>),
}

/// Elements of an array with their rendered text.
struct Part<I> {
    items: Vec<I>,
    text: Vec<u8>,
    /// Where each element's text ends.
    ends: Vec<usize>,
    error: Option<io::Error>,
    /// One heavy element, rendered as it is written.
    direct: bool,
}

impl<I> Default for Part<I> {
    fn default() -> Self {
        Self { items: Vec::new(), text: Vec::with_capacity(1 << 20), ends: Vec::new(), error: None, direct: false }
    }
}

impl<I> Part<I> {
    /// Renders every item as an element of an array that is a field of the
    /// top object, two levels deep.
    fn render<J: Serialize>(&mut self, to_json: &impl Fn(&I) -> J) {
        for item in &self.items {
            if let Err(error) = render(&to_json(item), 2, &mut self.text) {
                self.error = Some(error);
                return;
            }
            self.ends.push(self.text.len());
        }
    }

    /// Takes the next items up to [`PART`] of them and [`PART_WEIGHT`] in
    /// all, or one item heavier than that alone.
    fn fill(&mut self, items: &mut Peekable<impl Iterator<Item = I>>, weight: &impl Fn(&I) -> usize) {
        let mut total = 0;
        while self.items.len() < PART && total < PART_WEIGHT {
            let Some(heavy) = items.peek().map(|item| weight(item) > PART_WEIGHT) else { break };
            if heavy {
                self.direct = self.items.is_empty();
                self.items.extend(items.next_if(|_| self.direct));
                break;
            }
            total += items.peek().map_or(0, weight);
            self.items.extend(items.next());
        }
    }

    /// The rendered text of element `n`.
    fn element(&self, n: usize) -> &[u8] {
        let start = n.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.text[start..self.ends[n]]
    }

    fn clear(&mut self) {
        self.items.clear();
        self.ends.clear();
        self.text.clear();
        self.direct = false;
    }
}

/// Writes `value` pretty-printed as it stands `depth` levels deep: the
/// printer indents each line after the first by the depth of its value,
/// so a value printed alone gets `depth` more indents after each line
/// break (strings hold none: they are escaped).
fn render(value: &impl Serialize, depth: usize, out: impl Write) -> io::Result<()> {
    let mut writer = Indented { out, depth };
    let mut serializer = serde_json::Serializer::with_formatter(&mut writer, PrettyFormatter::with_indent(INDENT));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// Adds indents after each line break written through it.
struct Indented<W> {
    out: W,
    depth: usize,
}

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        // Most writes are a string or a number, without a line break.
        if !bytes.contains(&b'\n') {
            return self.out.write_all(bytes);
        }
        for line in bytes.split_inclusive(|&b| b == b'\n') {
            self.out.write_all(line)?;
            if line.ends_with(b"\n") {
                (0..self.depth).try_for_each(|_| self.out.write_all(INDENT))?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner {
        name: String,
        values: Vec<u32>,
        nested: Vec<Vec<String>>,
    }

    #[derive(Serialize)]
    struct Whole<'a> {
        flag: bool,
        info: &'a Inner,
        items: &'a [Inner],
        empty: &'a [Inner],
    }

    fn inner(n: u32) -> Inner {
        Inner {
            name: format!("item {n}\nwith \"a\" line break"),
            values: (0..n % 4).collect(),
            nested: vec![vec![format!("{n}")]; (n % 3) as usize],
        }
    }

    fn in_parts(info: &Inner, items: &[Inner]) -> Vec<u8> {
        let mut object = PrettyObject::new(Vec::new()).unwrap();
        object.field("flag", &true).unwrap();
        object.field("info", info).unwrap();
        object.array_field("items", items.iter(), |item| item.values.len() * 3000, |item| *item).unwrap();
        object.array_field("empty", [].iter(), |_| 1, |item: &&Inner| *item).unwrap();
        object.end().unwrap()
    }

    #[test]
    fn an_object_written_in_parts_is_the_object_printed_in_one_piece() {
        let info = inner(7);
        let items: Vec<Inner> = (0..2 * PART as u32 + 3).map(inner).collect();
        let whole = Whole { flag: true, info: &info, items: &items, empty: &[] };
        let mut expected = Vec::new();
        let formatter = PrettyFormatter::with_indent(INDENT);
        whole.serialize(&mut serde_json::Serializer::with_formatter(&mut expected, formatter)).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        for threads in [None, Some(&pool)] {
            let written =
                threads.map_or_else(|| in_parts(&info, &items), |pool| pool.install(|| in_parts(&info, &items)));
            assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(expected.clone()).unwrap());
        }
    }
}
