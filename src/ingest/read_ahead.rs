//! A file's rows read on one thread, parsed on every core, and handed over in the file's
//! order, a chunk at a time.
//!
//! Parsing a row (cells, dates, outcomes, case numbers, the consistency checks) costs
//! more than twice reading and decoding it, and a re-import writes little: on a thread of
//! its own the parsing set the pace of a weekly snapshot. Chunks are numbered as read and put back in order
//! by the receiver. Every channel is bounded, so the chunks in flight stay a few per
//! thread whatever the file's size.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

use crate::spreadsheet::{Diagnostic, LedgerFile, ParsedRow, RawRow, Rows};

/// Rows per chunk.
const CHUNK_ROWS: usize = 256;

/// Parsing threads at most, so that the chunks in flight, and the memory they hold, stay
/// bounded on a machine with many cores.
const MAX_PARSERS: usize = 4;

/// One row as parsed.
// Nearly every row is `Parsed`: boxing it to shrink the rare variants would allocate once
// per row of every import.
#[allow(clippy::large_enum_variant)]
pub(super) enum Read {
    Unreadable(Diagnostic),
    /// Blank, or a totals row.
    Skipped,
    Parsed(u32, ParsedRow),
}

type Numbered<T> = (u64, Vec<T>);

/// The parsed chunks, in the file's order.
pub(super) struct InOrder {
    parsed: Receiver<Numbered<Read>>,
    next: u64,
    early: BTreeMap<u64, Vec<Read>>,
    spent: SyncSender<Vec<Read>>,
}

impl InOrder {
    /// The next chunk of rows; `None` once the file is read.
    pub fn next_chunk(&mut self) -> Option<Vec<Read>> {
        loop {
            if let Some(chunk) = self.early.remove(&self.next) {
                self.next += 1;
                return Some(chunk);
            }
            // Closed with a chunk missing only if a parsing thread panicked, which the
            // scope then reports.
            let (number, chunk) = self.parsed.recv().ok()?;
            self.early.insert(number, chunk);
        }
    }

    /// Hands a chunk back to be emptied and refilled by a parsing thread, which allocated
    /// its rows' text and frees it without taking another thread's allocator lock.
    pub fn give_back(&self, chunk: Vec<Read>) {
        let _ = self.spent.try_send(chunk);
    }
}

/// Starts reading `rows` of `file` on threads of `scope`.
pub(super) fn start<'scope>(
    scope: &'scope Scope<'scope, '_>,
    file: &'scope LedgerFile,
    rows: Rows,
) -> InOrder {
    let parsers = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .clamp(1, MAX_PARSERS);
    let (raw_sender, raw) = sync_channel::<Numbered<RawOrNot>>(parsers);
    let (read_sender, read_chunks) = sync_channel::<Vec<RawOrNot>>(2 * parsers);
    let (parsed_sender, parsed) = sync_channel(2 * parsers);
    let (spent, spent_chunks) = sync_channel::<Vec<Read>>(2 * parsers);
    let raw = Arc::new(Mutex::new(raw));
    let spent_chunks = Arc::new(Mutex::new(spent_chunks));
    scope.spawn(move || read(rows, &raw_sender, &read_chunks));
    for _ in 0..parsers {
        let parser = Parser {
            file,
            raw: Arc::clone(&raw),
            read: read_sender.clone(),
            parsed: parsed_sender.clone(),
            spent: Arc::clone(&spent_chunks),
        };
        scope.spawn(move || parser.run());
    }
    InOrder {
        parsed,
        next: 0,
        early: BTreeMap::new(),
        spent,
    }
}

type RawOrNot = Result<RawRow, Diagnostic>;

/// An empty chunk: a spent one, emptied here, or a new one. Rows are freed on the thread
/// that allocated them: a thread freeing another's memory waits for that thread's
/// allocator lock, which cost the parsing threads a tenth of their time.
fn refill<T>(spent: Option<Vec<T>>) -> Vec<T> {
    spent.map_or_else(
        || Vec::with_capacity(CHUNK_ROWS),
        |mut chunk| {
            chunk.clear();
            chunk
        },
    )
}

/// Reads the rows into numbered chunks. Stops when nobody parses any more (the import
/// stopped on an error it reports itself). Chunks come back on `read` once parsed.
fn read(rows: Rows, raw: &SyncSender<Numbered<RawOrNot>>, read: &Receiver<Vec<RawOrNot>>) {
    let mut number = 0;
    let mut chunk = refill(None);
    for row in rows {
        chunk.push(row);
        if chunk.len() == CHUNK_ROWS {
            let full = std::mem::replace(&mut chunk, refill(read.try_recv().ok()));
            if raw.send((number, full)).is_err() {
                return;
            }
            number += 1;
        }
    }
    let _ = raw.send((number, chunk));
}

/// One parsing thread and its channels.
struct Parser<'f> {
    file: &'f LedgerFile,
    raw: Arc<Mutex<Receiver<Numbered<RawOrNot>>>>,
    /// Raw chunks go back to the reading thread, which frees them.
    read: SyncSender<Vec<RawOrNot>>,
    parsed: SyncSender<Numbered<Read>>,
    spent: Arc<Mutex<Receiver<Vec<Read>>>>,
}

impl Parser<'_> {
    /// Parses chunks until the file is read or the receiver is gone.
    fn run(self) {
        loop {
            let next = match self.raw.lock() {
                Ok(raw) => raw.recv(),
                Err(_) => return,
            };
            let Ok((number, mut rows)) = next else { return };
            let spent = self.spent.try_lock().ok().and_then(|s| s.try_recv().ok());
            let mut chunk = refill(spent);
            chunk.extend(rows.iter_mut().map(|row| match row {
                Err(diagnostic) => Read::Unreadable(diagnostic.clone()),
                Ok(raw) => {
                    let row_no = raw.row;
                    self.file
                        .parse(raw)
                        .map_or(Read::Skipped, |parsed| Read::Parsed(row_no, parsed))
                }
            }));
            let _ = self.read.try_send(rows);
            if self.parsed.send((number, chunk)).is_err() {
                return;
            }
        }
    }
}
