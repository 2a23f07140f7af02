//! The bounds every input format is read within, so that no file — damaged or made to
//! harm — can make caseledger use memory in proportion to it. Each is far beyond what a
//! ledger someone fills in reaches, and each is checked while the file is read, before
//! the memory is spent.

/// The most characters a spreadsheet cell holds (Excel's limit). A longer cell was not
/// written by a spreadsheet: the file is damaged, or (in CSV) a quote is never closed and
/// the rest of the file ran into one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The most columns a sheet has (Excel's limit, column XFD).
pub const MAX_COLUMNS: usize = 16_384;

/// The most bytes of one CSV row: forty cells at the cell limit in three-byte characters,
/// a hundred times a long ledger row. The reader holds a row and an offset per cell.
pub const MAX_ROW_BYTES: u64 = 4 << 20;

/// The most a workbook part (a sheet's XML, the shared strings) may inflate to per byte
/// it takes in the file. Markup and text compress 5 to 20 times; a part that inflates
/// a hundred times more is padding made to fill the memory (Apache POI's bound too).
pub const MAX_INFLATION: u64 = 100;

/// Parts smaller than this inflate as they like: a tiny part of repeated markup can
/// compress far better than a hundred times and costs nothing.
pub const INFLATION_FROM_BYTES: u64 = 1 << 20;

/// The most a workbook's shared strings may take once inflated: they are held in memory
/// while the sheets are read. A million-row ledger's unique texts are well under this.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 256 << 20;
