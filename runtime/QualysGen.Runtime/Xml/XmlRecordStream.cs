using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Xml;

/// <summary>
/// Asynchronous I/O under a synchronous parser, for the generated record streams (<c>Enumerate…Async</c>). It reads the
/// response with <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/> into a buffer and watches the markup go
/// by (tags, CDATA sections, comments, quoted attribute values) without decoding it, counting the start tags of the
/// records: the elements at <c>recordPath</c> (inside a record only its end tag matters, found with a few vectorized
/// searches rather than by following every tag). <see cref="FillAsync"/> returns once the buffer holds a given number
/// of record start tags, or the whole response. A synchronous <see cref="System.Xml.XmlReader"/> over this stream then reads
/// a record, and what lies between it and the next record, without waiting: the record costs what it costs in
/// <c>Parse</c>, and memory holds one record's bytes, not the response's.
/// </summary>
/// <remarks>
/// <para>The markup is found in the bytes, which works for UTF-8 and the other encodings in which every byte below 0x80 is
/// the ASCII character (the ISO-8859 family, windows-125x). A response in UTF-16 or another declared encoding is buffered
/// whole before it is read.</para>
/// <para>The reader is served as a <see cref="MemoryStream"/> would serve it as far as the response has arrived: a read is
/// filled with all that is buffered (but for what was read past a record's start tag only because the reader may look past
/// it for a name, which comes with the next read), and the fill goes on <see cref="ReadAhead"/> bytes past the start tag of
/// the record waited for as long as the source has more at hand (a read completes as it is begun), never waiting for it: a
/// read that does not complete at once is left running, its bytes taken at the next fill. (An
/// <see cref="System.Xml.XmlReader"/> misreads an XML declaration split between reads, and reports some errors, such as a
/// response cut off inside a CDATA section, at positions that depend on how its reads were cut; the declaration is always
/// buffered whole before the reader starts, and the end of the response is read whole.)</para>
/// <para>Any byte sequence is followed without an exception: markup that is not well-formed (a stray end tag, say) is
/// left to the reader to report. The scan cannot be fooled into handing the reader too little by markup it does not
/// model (it ends a DOCTYPE no earlier than the reader does): a read that finds nothing buffered before the response has
/// ended reads the source synchronously (counted in <see cref="SynchronousReads"/>) rather than let the reader see an
/// early end.</para>
/// <para>What the buffer holds (a record, what lies between it and the next, the read-ahead) is bounded by
/// <c>maxBufferedBytes</c>; past it the fill throws a <see cref="QualysXmlException"/> of kind
/// <see cref="QualysXmlErrorKind.LimitExceeded"/>. Whitespace in the elements that hold the records (and outside the
/// root) is not held but counted (<see cref="CollapseWhitespace"/>); comments there are held.</para>
/// <para>Whitespace is never collapsed inside a record: a record's bytes are the response's. For a record stream, the bytes
/// of the record the reader is on are kept until the next record begins, so that a record left out for a deviation is
/// reported with its XML as it came (<see cref="QualysXmlDeviation.RawXml"/>).</para>
/// Not meant to be used by hand; its shape may change between versions together with the generator.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlRecordStream : ForwardReadStream
{
    /// <summary>What a record stream holds in memory at most unless told otherwise: 64 MiB.</summary>
    public const int DefaultMaxBufferedBytes = 64 * 1024 * 1024;

    /// <summary>
    /// How far the buffer runs past the start tag of the record waited for when the source has the bytes at hand: more than
    /// a synchronous <see cref="System.Xml.XmlReader"/> holds ahead of where it parses (4 KB of bytes and 4K characters
    /// decoded from up to 12 KB), so that its reads are filled whole.
    /// </summary>
    private const int ReadAhead = 32 * 1024;
    private const int InitialSize = 32 * 1024;
    private const int MinimumRead = 16 * 1024;
    private const int DeclarationLimit = 1024;

    /// <summary>How much whitespace between records is kept as bytes before it is counted instead (see <see cref="CollapseWhitespace"/>).</summary>
    private const int CollapseThreshold = 4096;

    private readonly Stream _source;
    private readonly byte[][] _path;
    private readonly int _maxBufferedBytes;
    private readonly int _limit;    // the most the buffer holds: _maxBufferedBytes, or what an array can hold
    private readonly Queue<RecordStop> _recordStartEnds = new();   // where the start tags of records not yet waited for end
    private int _firstQueuedRecord = 1;                             // the record number of the queue's head
    private long _previousStop;         // where the start tag of the record before the one waited for ended (kept, see _shifted)
    private int _longestPathName;       // the longest name, with any prefix, of the records and the elements around them so far
    private byte[]?[] _pathNames = [];  // the names, with any prefix, of the elements last opened at each level of the record path
    private (long From, long To) _regionMeasured = (-1, -1);   // the region _regionMargin is for: the previous stop and the stop
    private long _regionMargin;
    private bool _regionFollowed;
    private readonly List<(int Start, int Length)> _regionOpen = new();
    private long _heldFrom = -1;        // a read that begins before this kept position ends there (see Take), or -1
    private int _longestTag;            // the longest start tag the scan has walked (it walks none inside a record)
    private long _firstRecordBody = long.MaxValue;  // where the first record's body the scan skipped begins (kept, see _shifted)
    private byte[] _buffer;
    private int _read;          // the next byte for the reader
    private int _end;           // the end of the bytes read from the source
    private int _scan;          // the next byte to look at
    private int _tokenStart;    // where the markup being looked at began ('<'), or a record's content (State.RecordBody)
    private int _checkedTo;     // how far a record's content is known to hold no record start tag (State.RecordBody)
    private State _state;
    private byte _quote;        // the quote an attribute value (or declaration literal) is in, or 0
    private int _brackets;      // '[' depth inside <!DOCTYPE ...> (its internal subset)
    private int _depth;         // elements open
    private int _matched;       // how many of the open elements, from the root, are the record path's
    private int _recordStarts;
    private byte[] _recordEnd = [];     // "</" and the qualified name of the record being skipped
    private byte[] _recordStart = [];   // "<" and the same name
    private bool _ended;
    private bool _checkedEncoding;
    private bool _wholeDocument;
    private long _received;     // bytes read from the source
    private long _delivered;    // bytes handed to the reader
    private bool _inText;               // the scan is in text (State.Content) that began at _textStart
    private bool _textIsWhitespace;     // ... that text is whitespace up to _whitespaceTo
    private bool _textBetweenRecords;   // ... and it lies where whitespace is collapsed (see CollapseWhitespace)
    private int _textStart;
    private int _whitespaceTo;
    private readonly Queue<OwedRun> _runs = new();   // whitespace taken out of the buffer, and batches' placeholders, owed to the reader
    private OwedRun? _lastRun;
    private string? _encodingName;      // the encoding the XML declaration names, or null (UTF-8)

    // The records' bytes, for the raw XML of a record left out (see TrackRecords). Positions count from the first byte
    // received that was kept (_shifted + an offset in the buffer); whitespace collapsed between records never lies before
    // a position already taken.
    private bool _tracking;
    private bool[] _repeatable = [];
    private bool[] _seen = [];
    private int _hiddenDepth;           // the depth of a container the cursor skips (a repeat of one allowed once), or 0
    private long _shifted;              // bytes dropped from the front of the buffer so far
    private int _visibleRecords;        // records outside such containers, as the cursor counts them
    private int _openOrdinal;           // the record whose end tag is still to come, or 0
    private long _openStart;
    private readonly Queue<RecordSpan> _spans = new();  // records scanned whole that the cursor has not reached yet
    private int _currentOrdinal;        // the record the reader is on (its bytes are kept), or 0
    private long _currentStart;
    private long _currentEnd = -1;      // -1 while its end tag has not been scanned

    // Split mode (see Split): records cut out of the response in batches for XmlRecordBatches, a placeholder in their place.
    private XmlRecordBatches? _batches;
    private ValueTask<int> _ahead;       // a read from the source into Room begun before it was needed (see ReadOnWhileAtHand)
    private bool _readingAhead;          // ... and not taken yet
    private XmlRecordBatches? _pending;  // split mode to begin once _pendingAfter bytes have been received (see Split)
    private long _pendingAfter;
    private long _collapsedAt = -1;      // where whitespace was last taken out of the buffer (kept position), or -1
    private bool _fillsWindow;          // Read tops the window up synchronously (a synchronous Parse), not FillAsync
    private int _window;                // how many bytes to hold ahead of the reader, for the workers
    private int _batchBytes;            // the size a batch is cut at
    private OpenBatch? _open;           // records scanned whole and not dispatched yet
    private SharedBytes? _lent;         // the buffer, once lent to a batch: not written to while a batch holds it
    private readonly List<SharedBytes> _retired = new();   // buffers moved off while batches read them, reused once they let go
    private readonly string _batchToken = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.NextInt64()));
    private int _batchNumber;
    private long _splitRecordStart = -1;    // where the record being scanned, to be cut out, began (absolute); -1 if none
    private byte[] _splitName = [];
    private (string Prefix, string Uri)[][] _levelNamespaces = [];
    private System.Xml.XmlSpace[] _levelSpaces = [];
    private bool[] _levelUnsplittable = [];
    private byte[]?[] _levelTags = [];   // before split mode: the start tags of the records' containers that declare a scope
    private readonly XmlLineCounter _lines = new();   // where the bytes scanned so far end, in lines and columns

    private enum State
    {
        Content,
        Open,
        StartTag,
        EndTag,
        Bang,
        Comment,
        CData,
        ProcessingInstruction,
        Declaration,
        DeclarationComment,                 // a comment inside the DOCTYPE's internal subset
        DeclarationProcessingInstruction,   // a PI inside the DOCTYPE's internal subset
        RecordBody,
    }

    /// <summary>Creates a stream over <paramref name="source"/> (not disposed with it) that holds at most <see cref="DefaultMaxBufferedBytes"/>.</summary>
    /// <param name="source">The response.</param>
    /// <param name="recordPath">The local names from the document element down to the record element.</param>
    public XmlRecordStream(Stream source, params string[] recordPath)
        : this(source, DefaultMaxBufferedBytes, recordPath)
    {
    }

    /// <summary>Creates a stream over <paramref name="source"/> (not disposed with it).</summary>
    /// <param name="source">The response.</param>
    /// <param name="maxBufferedBytes">
    /// The most it may hold in memory: a record, what lies between it and the next record, and the read-ahead (or, for a
    /// response in UTF-16 or an encoding that is not ASCII-compatible, the whole response). At least 64 KiB.
    /// </param>
    /// <param name="recordPath">The local names from the document element down to the record element.</param>
    public XmlRecordStream(Stream source, int maxBufferedBytes, params string[] recordPath)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(recordPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBufferedBytes, 64 * 1024);
        _source = source;
        _maxBufferedBytes = maxBufferedBytes;
        _limit = Math.Min(maxBufferedBytes, Array.MaxLength);
        _path = new byte[recordPath.Length][];
        for (var i = 0; i < recordPath.Length; i++)
        {
            _path[i] = Encoding.UTF8.GetBytes(recordPath[i]);
        }

        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        _pathNames = new byte[recordPath.Length][];
    }

    /// <summary>The response read.</summary>
    internal Stream Source => _source;

    /// <summary>Whether split mode has begun (see <see cref="Split"/>): records may be cut out of the response from here on.</summary>
    internal bool Splitting => _batches is not null;

    /// <summary>How often the reader found nothing buffered before the end and the source was read synchronously (0 unless the scan was outwitted).</summary>
    public int SynchronousReads { get; private set; }

    /// <summary>
    /// Reads from the source until the buffer holds the start tags of <paramref name="recordStarts"/> records in all (counted
    /// from the start of the response, the end of each start tag included), or the source has ended; and then on, without
    /// waiting, up to <see cref="ReadAhead"/> bytes past the last of them (in split mode, a window for the workers) while the
    /// source has more at hand (see <see cref="ReadOnWhileAtHand"/>). Once records are tracked
    /// (<see cref="TrackRecords"/>), those in a container the cursor skips do not count.
    /// </summary>
    /// <exception cref="QualysXmlException">That would hold more than the most this stream may hold.</exception>
    public async ValueTask FillAsync(int recordStarts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ReadOnWhileAtHand(recordStarts, cancellationToken);
        while (!_ended && (_batches is null ? Wants(recordStarts) : SplitWants(recordStarts)))
        {
            await ReadSourceAsync(cancellationToken).ConfigureAwait(false);
        }

        ReadOnWhileAtHand(recordStarts, cancellationToken);
    }

    /// <summary>Reads from the source once: takes the read begun ahead (see <see cref="ReadOnWhileAtHand"/>) if there is one, waiting for it.</summary>
    private async ValueTask ReadSourceAsync(CancellationToken cancellationToken)
    {
        if (_readingAhead)
        {
            _readingAhead = false;
            Received(await _ahead.ConfigureAwait(false));
            return;
        }

        MakeRoom();
        Received(await _source.ReadAsync(Room, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// For <see cref="FillAsync"/>, reads ahead of need without waiting: <see cref="ReadAhead"/> bytes past the start tag of
    /// record number <paramref name="record"/>, so that the reader's reads are filled whole; in split mode, the window ahead of
    /// the reader, for the workers. It takes what a read begun earlier has brought, reads on while a read completes as it is
    /// begun (the source has the bytes at hand: a <see cref="MemoryStream"/>, or a network's bytes already received), and
    /// leaves the first read that does not complete at once running, its bytes taken at the next fill or read. While that
    /// read runs nothing else writes to, moves or gives back the buffer. (It used to read on while the last read had filled
    /// all the room it was given; a source that hands out 16 KB at most, as TLS and decompression do, was then never read
    /// ahead: one thread read 10 WasScan from one in 1.2 times the time it took from a <see cref="MemoryStream"/>, two threads
    /// 1,000 SCAN in 1.5 times the time of one.)
    /// </summary>
    private void ReadOnWhileAtHand(int record, CancellationToken cancellationToken)
    {
        if (_fillsWindow)
        {
            return;   // a synchronous Parse in split mode fills the window in its reads
        }

        while (!_ended)
        {
            if (_readingAhead)
            {
                if (!_ahead.IsCompleted)
                {
                    return;
                }

                _readingAhead = false;
                Received(_ahead.GetAwaiter().GetResult());
                continue;
            }

            if (_batches is not null ? _end - _read >= _window : !WantsAhead(record))
            {
                return;
            }

            if (!MakeRoom(required: false))
            {
                return;   // the bytes kept fill all the stream may hold: the reader is to take some first
            }

            _ahead = _source.ReadAsync(Room, cancellationToken);
            _readingAhead = true;
        }
    }

    /// <summary>Takes the read begun ahead, if there is one, waiting for it on this thread (a synchronous read of the reader's).</summary>
    private void SettleReadAhead()
    {
        if (_readingAhead)
        {
            _readingAhead = false;
            Received(_ahead.IsCompleted ? _ahead.GetAwaiter().GetResult() : _ahead.AsTask().GetAwaiter().GetResult());
        }
    }

    /// <summary>
    /// In split mode, whether to wait for the source (the window ahead of the reader is <see cref="ReadOnWhileAtHand"/>'s): until the
    /// reader can reach its next stop without a read — a batch's placeholder
    /// (it stops there; an open batch is closed when it comes to it), or else the start tag of record number
    /// <paramref name="record"/> as without split mode, and if that record is being cut out, its end (the reader may not pass
    /// the start of a record that is to become a batch until the record is whole) — and have what it could look ahead for a
    /// name past that stop (see <see cref="NameMarginBuffered"/>).
    /// </summary>
    private bool SplitWants(int record)
    {
        DropStopsBefore(record);
        var placeholder = FirstPendingPlaceholder();
        if (_open is null && placeholder < 0 && (Buffered == 0 || _splitRecordStart >= 0 || _recordStarts < record))
        {
            return true;
        }

        // The stop: the first of the record's start tag, a placeholder and the open batch (the placeholder or batch that
        // begins with the record, when it was cut out).
        var stop = _recordStarts >= record && _recordStartEnds.TryPeek(out var head) ? head.Kept : long.MaxValue;
        if (placeholder >= 0)
        {
            stop = Math.Min(stop, _shifted + placeholder);
        }

        if (_open is not null)
        {
            stop = Math.Min(stop, _open.Start);
        }

        if (stop == long.MaxValue)
        {
            return false;   // no stop known (the stops are queued as the records are scanned): nothing to look past
        }

        var wants = WantsNameMargin(record, stop);
        if (wants && _open?.Start == stop)
        {
            // The reader would close the batch when it came to it: closed now, its placeholder counts towards the margin.
            CloseBatch();
            wants = WantsNameMargin(record, stop);
        }

        return wants;
    }

    /// <summary>Where the first batch's placeholder whose element the reader has not been given whole lies in the buffer, or -1.</summary>
    private int FirstPendingPlaceholder()
    {
        foreach (var run in _runs)
        {
            if (run.PlaceholderPending)
            {
                return run.Offset;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether to wait for the source (reading ahead is <see cref="ReadOnWhileAtHand"/>'s): the buffer does not hold the start
    /// tag of record number <paramref name="record"/> yet, or it does and the reader could look past it for a name (see
    /// <see cref="NameMarginBuffered"/>).
    /// </summary>
    private bool Wants(int record)
    {
        DropStopsBefore(record);
        if (_wholeDocument || _recordStarts < record)
        {
            return true;
        }

        if (!_recordStartEnds.TryPeek(out var stop))
        {
            return false;
        }

        return WantsNameMargin(record, stop.Kept);
    }

    /// <summary>Whether to read on ahead of need (see <see cref="ReadOnWhileAtHand"/>) without split mode: short of <see cref="ReadAhead"/> bytes past the start tag of record number <paramref name="record"/>.</summary>
    private bool WantsAhead(int record)
    {
        DropStopsBefore(record);
        return !_wholeDocument && _recordStartEnds.TryPeek(out var stop) && _received - stop.Received < ReadAhead;
    }

    /// <summary>Whether to read on for what the reader could look ahead for a name past <paramref name="stop"/> (see <see cref="NameMarginBuffered"/>).</summary>
    private bool WantsNameMargin(int record, long stop)
    {
        if (NameMarginBuffered(record, stop))
        {
            return false;
        }

        // What is read for the margin only is not handed to the reader with what comes before the stop: its reads are cut
        // where they were without it (some errors at the end of a response cut short are reported where a read was cut).
        _heldFrom = stop;
        return true;
    }

    /// <summary>Lets go of where the start tags of the records before record number <paramref name="record"/> ended.</summary>
    private void DropStopsBefore(int record)
    {
        while (_firstQueuedRecord < record && _recordStartEnds.Count > 0)
        {
            _previousStop = _recordStartEnds.Dequeue().Kept;
            _firstQueuedRecord++;
        }
    }

    /// <summary>
    /// Whether the reader can have, past the start tag of record number <paramref name="record"/> (ending at
    /// <paramref name="stop"/>; in split mode, where the batch that begins with the record begins, if it was cut out), what it
    /// may read there for an end tag. On an end tag the reader reads on until it holds as
    /// many characters as the name of the element it expects to close, whatever the end tag's own name: an end tag that does
    /// not match (after an element left open in the record before, whose tags the scan does not follow) can make it read
    /// past the stop by the length of a name open there. Those names are the records' and their ancestors', and those
    /// between the previous stop and this one: the region's length bounds them, and they are measured only when that bound
    /// asks for more than is buffered. When still more is asked for, the region's tags are followed: if every end tag
    /// matches, the reader reads nothing past the stop, and the record before is handed over as soon as this one's start
    /// tag has come, as without the margin.
    /// </summary>
    private bool NameMarginBuffered(int record, long stop)
    {
        var limit = Deliverable;
        var stopOffset = stop - _shifted;
        // In split mode the reader never sees a batch's bytes, only its placeholder: what it has taken past the stop may be
        // a batch, so only what it can still take counts, and a placeholder counts for what it writes.
        var past = limit - (_batches is null ? stopOffset : Math.Max(stopOffset, _read));
        foreach (var run in _runs)
        {
            if (run.Offset >= stopOffset && Owed(run, limit))
            {
                past += run.Length - run.Skip;
            }
        }

        if (past >= NameMargin(Math.Max(_longestPathName, stop - _previousStop)))
        {
            return true;
        }

        // Up to the first record's body the scan has walked every start tag: the longest of them bounds the names there
        // (the envelope before the first record can be long: a REQUEST echo).
        if (stop <= _firstRecordBody && past >= NameMargin(Math.Max(_longestPathName, _longestTag)))
        {
            return true;
        }

        // Cached for the region, not the record number: a stop that moves (a record's start tag, then a batch's start)
        // is measured again.
        if (_regionMeasured != (_previousStop, stop))
        {
            _regionMeasured = (_previousStop, stop);
            _regionMargin = NameMargin(Math.Max(_longestPathName, LongestName(_previousStop, stop)));
            _regionFollowed = false;
        }

        if (past < _regionMargin && !_regionFollowed)
        {
            _regionFollowed = true;
            if (EndTagsMatch(_previousStop, stop, pathOpen: record > 1))
            {
                _regionMargin = 0;
            }
        }

        return past >= _regionMargin;
    }

    /// <summary>
    /// Whether every end tag between two kept positions closes the element the reader has open there (so that it reads no
    /// further than the end tag): the tags are followed from the first, the elements on the record path open before it when
    /// <paramref name="pathOpen"/> (from the record up). False for what is not followed (a declaration, markup cut off).
    /// </summary>
    private bool EndTagsMatch(long from, long to, bool pathOpen)
    {
        if (from < _shifted)
        {
            return false;
        }

        var bytes = _buffer.AsSpan((int)(from - _shifted), (int)(to - from));
        var open = _regionOpen;
        open.Clear();
        var below = pathOpen ? _path.Length : 0;
        var i = 0;
        while (true)
        {
            var at = bytes.Slice(i).IndexOf((byte)'<');
            if (at < 0)
            {
                return true;
            }

            i += at + 1;
            var rest = bytes.Slice(i);
            ReadOnlySpan<byte> terminator = rest.StartsWith("!--"u8) ? "-->"u8 : rest.StartsWith("![CDATA["u8) ? "]]>"u8 : rest.StartsWith("?"u8) ? "?>"u8 : default;
            if (!terminator.IsEmpty)
            {
                var close = rest.IndexOf(terminator);
                if (close < 0)
                {
                    return false;
                }

                i += close + terminator.Length;
                continue;
            }

            if (rest.IsEmpty || rest[0] == '!')
            {
                return false;
            }

            var end = rest[0] == '/';
            var nameStart = end ? i + 1 : i;
            var length = bytes.Slice(nameStart).IndexOfAny(" \t\r\n/>"u8);
            if (length < 0)
            {
                return false;
            }

            var name = bytes.Slice(nameStart, length);
            if (end)
            {
                ReadOnlySpan<byte> expected;
                if (open.Count > 0)
                {
                    expected = bytes.Slice(open[^1].Start, open[^1].Length);
                    open.RemoveAt(open.Count - 1);
                }
                else if (below > 0 && _pathNames[--below] is { } pathName)
                {
                    expected = pathName;
                }
                else
                {
                    return false;
                }

                if (!name.SequenceEqual(expected))
                {
                    return false;
                }

                i = nameStart + length;
                continue;
            }

            // A start tag: to its '>', quoted attribute values skipped ('>' may stand in them, '<' may not).
            var tagEnd = nameStart + length;
            while (true)
            {
                var next = bytes.Slice(tagEnd).IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
                if (next < 0)
                {
                    return false;
                }

                tagEnd += next;
                if (bytes[tagEnd] == '>')
                {
                    break;
                }

                var quote = bytes.Slice(tagEnd + 1).IndexOf(bytes[tagEnd]);
                if (quote < 0)
                {
                    return false;
                }

                tagEnd += quote + 2;
            }

            if (bytes[tagEnd - 1] != '/')
            {
                open.Add((nameStart, length));
            }

            i = tagEnd + 1;
        }
    }

    /// <summary>The bytes that hold a name of <paramref name="length"/> bytes and one character more, in characters of up to three bytes, and an incomplete one.</summary>
    private static long NameMargin(long length) => 3 * (length + 1) + 3;

    /// <summary>
    /// The longest run of bytes after a '&lt;' up to whitespace, '/' or '>' between two kept positions: at least the longest
    /// element name there. The region's length when its bytes are no longer held.
    /// </summary>
    private int LongestName(long from, long to)
    {
        if (from < _shifted)
        {
            return (int)(to - from);
        }

        var bytes = _buffer.AsSpan((int)(from - _shifted), (int)(to - from));
        var longest = 0;
        int at;
        while ((at = bytes.IndexOf((byte)'<')) >= 0)
        {
            bytes = bytes.Slice(at + 1);
            var length = bytes.IndexOfAny(" \t\r\n/>"u8);
            if (length < 0)
            {
                length = bytes.Length;
            }

            longest = Math.Max(longest, length);
            bytes = bytes.Slice(length);
        }

        return longest;
    }

    private void Received(int count)
    {
        if (count == 0)
        {
            _ended = true;
            if (_inText && _textIsWhitespace && _textBetweenRecords)
            {
                CollapseWhitespace(_end, textEnds: true);
            }

            CloseBatch();
            return;
        }

        _end += count;
        _received += count;
        if (!_checkedEncoding)
        {
            CheckEncoding();
        }

        if (_checkedEncoding && !_wholeDocument)
        {
            Scan();
        }
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (_fillsWindow)
        {
            while (!_ended && _end - _read < _window)
            {
                MakeRoom();
                Received(_source.Read(Room.Span));
            }
        }

        while (Buffered == 0 && !_ended && buffer.Length > 0)
        {
            if (_open is not null)
            {
                // The reader has come to records still being gathered into a batch: the batch ends here.
                CloseBatch();
                continue;
            }

            SynchronousReads++;
            if (_readingAhead)
            {
                SettleReadAhead();
                continue;
            }

            MakeRoom();
            Received(_source.Read(Room.Span));
        }

        return Take(buffer);
    }

    /// <summary>
    /// Where what the reader may have ends: the end of the bytes, or the start of whitespace between records that is still
    /// arriving (it may yet be collapsed, and the reader is to see it one way, whatever the pieces it came in).
    /// </summary>
    private int Deliverable
    {
        get
        {
            var limit = _inText && _textIsWhitespace && _textBetweenRecords && !_ended ? _textStart : _end;
            if (_batches is not null)
            {
                // Records to be cut out are not the reader's: it gets their placeholder once their batch is dispatched.
                if (_open is not null)
                {
                    limit = Math.Min(limit, (int)(_open.Start - _shifted));
                }

                if (_splitRecordStart >= 0 && !_ended)
                {
                    limit = Math.Min(limit, (int)(_splitRecordStart - _shifted));
                }
                else if (_state is not (State.Content or State.RecordBody) && !_ended)
                {
                    // Markup the scan is still in may be the start tag of a record to cut out: not the reader's before it is whole.
                    limit = Math.Min(limit, _tokenStart);
                }
            }

            return limit;
        }
    }

    /// <summary>What the reader can have without a read from the source: the bytes and the whitespace owed before <see cref="Deliverable"/>.</summary>
    private long Buffered
    {
        get
        {
            var limit = Deliverable;
            long owed = 0;
            foreach (var run in _runs)
            {
                if (!Owed(run, limit))
                {
                    break;
                }

                owed += run.Length;
            }

            return limit - _read + owed;
        }
    }

    /// <summary>
    /// Whether a whitespace run is the reader's now: before <paramref name="limit"/>, or at the very end of a response that
    /// ended inside it (a response cut in its padding reads to the same place as whole in memory).
    /// </summary>
    private bool Owed(OwedRun run, int limit) => run.Offset < limit || (_ended && run.Offset == _end);

    /// <summary>Copies what is buffered to <paramref name="buffer"/>, writing out the whitespace runs in their places.</summary>
    private int Take(Span<byte> buffer)
    {
        var total = 0;
        var limit = Deliverable;
        if (_heldFrom >= 0)
        {
            var held = _heldFrom - _shifted;
            if (_read < held)
            {
                limit = (int)Math.Min(limit, held);
            }
            else
            {
                _heldFrom = -1;
            }
        }

        while (total < buffer.Length)
        {
            if (_runs.TryPeek(out var run) && run.Offset == _read && Owed(run, limit))
            {
                total += run.WriteTo(buffer.Slice(total));
                if (run.Length == 0)
                {
                    _runs.Dequeue();
                    _read += run.Skip;   // the bytes a placeholder stands for
                }

                continue;
            }

            var count = Math.Min(buffer.Length - total, Math.Min(run?.Offset ?? _end, limit) - _read);
            if (count == 0)
            {
                break;
            }

            _buffer.AsSpan(_read, count).CopyTo(buffer.Slice(total));
            _read += count;
            total += count;
        }

        _delivered += total;
        return total;
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (Buffered == 0 && !_ended && buffer.Length > 0)
        {
            await ReadSourceAsync(cancellationToken).ConfigureAwait(false);
        }

        return Take(buffer.Span);
    }

    /// <summary>
    /// Drops what the reader has taken, and grows the buffer when what it must keep leaves too little room to read into, up
    /// to the most it may hold. When it is full at that, throws, or, unless the read is <paramref name="required"/> (a read
    /// ahead of need), returns false.
    /// </summary>
    private bool MakeRoom(bool required = true)
    {
        if (Capacity - _end >= MinimumRead)
        {
            return true;
        }

        var keep = Math.Min(_read, _state == State.Content ? _scan : _tokenStart);
        if (_currentOrdinal != 0)
        {
            // The record the reader is on stays, for its raw XML should it be left out.
            keep = (int)Math.Clamp(_currentStart - _shifted, 0, keep);
        }

        if (_batches is not null && !_fillsWindow)
        {
            // So do the bytes from the record before the one waited for (the reader may be past them, on a batch's
            // placeholder), which NameMarginBuffered follows to tell whether the reader may look past its next stop.
            keep = (int)Math.Clamp(_previousStop - _shifted, 0, keep);
        }

        // Dropping what is taken moves what stays to the front: done when it frees at least as much as it moves (or the buffer
        // may not grow), so that a large window ahead of the reader is not moved for every read; otherwise the buffer grows.
        if (keep > 0 && (keep >= _end - keep || Capacity >= _limit))
        {
            if (_batches is not null)
            {
                _lines.CountTo(_buffer, keep);
                _lines.Shift(keep);
            }

            if (Reclaim(retire: true))
            {
                Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            }
            else
            {
                // A batch still reads the buffer: what stays moves to a buffer of the same size.
                var moved = Spare(_buffer.Length);
                Buffer.BlockCopy(_buffer, keep, moved, 0, _end - keep);
                _buffer = moved;
            }

            _shifted += keep;
            while (_spans.TryPeek(out var span) && span.Start < _shifted)
            {
                _spans.Dequeue();
            }

            _read -= keep;
            _end -= keep;
            _scan -= keep;
            _tokenStart -= keep;
            _checkedTo -= keep;
            _textStart = Math.Max(0, _textStart - keep);
            _whitespaceTo = Math.Max(0, _whitespaceTo - keep);
            foreach (var run in _runs)
            {
                run.Offset -= keep;
            }
        }

        if (Capacity - _end >= MinimumRead)
        {
            return true;
        }

        if (Capacity < _limit)
        {
            // Doubled, never past the limit (the arithmetic in long, so that it cannot overflow).
            Grow((int)Math.Min(_limit, Math.Max(2L * _buffer.Length, (long)_end + MinimumRead)));
        }
        else if (_end == Capacity)
        {
            if (!required)
            {
                return false;
            }

            throw new QualysXmlException(
                QualysXmlErrorKind.LimitExceeded,
                $"The record stream would hold more than {_maxBufferedBytes} bytes at once (a record, what lies between it and the next record, and {ReadAhead} bytes read ahead); it stopped {_received} bytes into the response",
                0,
                0);
        }

        return true;
    }

    /// <summary>Moves the bytes to a buffer of at least <paramref name="size"/> bytes, at the same offsets.</summary>
    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
        if (Reclaim())
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }

    /// <summary>
    /// Whether the buffer is the stream's alone to write to or return: never lent to a batch, or no batch holds it any more.
    /// If one does, the caller is to move to another buffer, and the stream lets this one go (the last batch returns it to
    /// the pool) or, with <paramref name="retire"/>, keeps it to reuse once the batches have let go (see <see cref="Spare"/>).
    /// </summary>
    private bool Reclaim(bool retire = false)
    {
        if (_lent is not { } lent || lent.Array != _buffer)
        {
            return true;
        }

        _lent = null;
        if (!lent.Lent)
        {
            return true;
        }

        if (retire)
        {
            _retired.Add(lent);
        }
        else
        {
            lent.Release();
        }

        return false;
    }

    /// <summary>
    /// A buffer of at least <paramref name="length"/> bytes to move to: one the stream moved off before that no batch reads
    /// any more, or else one from the pool. (Renting one per move would take a large array from the pool, or allocate it,
    /// every few batches; the one given back by a worker thread is not the next the parse's thread rents.)
    /// </summary>
    private byte[] Spare(int length)
    {
        for (var i = 0; i < _retired.Count; i++)
        {
            var retired = _retired[i];
            if (!retired.Lent && retired.Array.Length >= length)
            {
                _retired.RemoveAt(i);
                _lent = retired;   // the stream's alone again, ready to be lent
                return retired.Array;
            }
        }

        return ArrayPool<byte>.Shared.Rent(length);
    }

    /// <summary>The part of the buffer that may be used: all of it, up to the limit (a rented array can be larger).</summary>
    private int Capacity => Math.Min(_buffer.Length, _limit);

    /// <summary>Where the next bytes from the source go.</summary>
    private Memory<byte> Room => _buffer.AsMemory(_end, RoomLength);

    /// <summary>
    /// How much a read from the source is given: the rest of the buffer; in split mode no more than fills the window, for
    /// what is read is cut into batches at once, and a read far past the window would have the workers parse, and the parse
    /// hold, that much ahead of the reader; and no more than a batch, so that the first batch is cut after one batch's
    /// bytes are read, not the window's (a worker waited 0.10-0.22 ms for it at 2.4 MB, 0.05-0.06 ms now). At least
    /// <see cref="MinimumRead"/>.
    /// </summary>
    private int RoomLength => _batches is null ? Capacity - _end
        : (int)Math.Clamp(Math.Min((long)_read + _window - _end, _batchBytes), Math.Min(MinimumRead, Capacity - _end), Capacity - _end);

    /// <summary>
    /// Decides from the first bytes whether markup can be found byte by byte: not for UTF-16/32 (a byte order mark or
    /// zero bytes) nor for a declared encoding outside the ASCII-compatible ones. Otherwise the response is read whole.
    /// </summary>
    private void CheckEncoding()
    {
        var bytes = _buffer.AsSpan(0, _end);
        if (bytes.Length < 4 && !_ended)
        {
            return;
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) || bytes[0] == 0 || bytes[1] == 0))
        {
            _wholeDocument = true;
        }
        else
        {
            var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
            _lines.ContinueAt(start);   // a byte order mark is no character of the first line
            if (!_ended && bytes.Length < start + 5 && "\uFEFF<?xml"u8.Slice(3 - start).StartsWith(bytes))
            {
                // Too few bytes yet to tell whether an XML declaration (which may name the encoding) begins here.
                return;
            }

            if (bytes.Slice(start).StartsWith("<?xml"u8))
            {
                var end = bytes.Slice(start).IndexOf("?>"u8);
                if (end < 0)
                {
                    if (!_ended && bytes.Length < DeclarationLimit)
                    {
                        return;
                    }

                    _wholeDocument = true;
                }
                else
                {
                    _wholeDocument = !IsAsciiCompatible(bytes.Slice(start, end), out _encodingName);
                    // Other than UTF-8, the encodings the scan reads (Latin-1, windows-125x, ASCII) are one byte a character.
                    _lines.OneBytePerCharacter = _encodingName is not null and not ("utf-8" or "utf8");
                }
            }
        }

        _checkedEncoding = true;
    }

    private static bool IsAsciiCompatible(ReadOnlySpan<byte> declaration, out string? name)
    {
        name = null;
        var at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;   // no declaration of encoding: UTF-8
        }

        var rest = declaration.Slice(at + 8);
        var open = rest.IndexOfAny((byte)'"', (byte)'\'');
        if (open < 0)
        {
            return false;
        }

        var quote = rest[open];
        rest = rest.Slice(open + 1);
        var close = rest.IndexOf(quote);
        name = Encoding.ASCII.GetString(close < 0 ? rest : rest.Slice(0, close)).Trim().ToLowerInvariant();
        // The code pages beyond Latin-1 decode because CodePageEncodings registers them (issue 13.10); here only ASCII-compatibility matters.
        return name is "utf-8" or "utf8" or "us-ascii" or "ascii" or "latin1"
            || name.StartsWith("iso-8859-", StringComparison.Ordinal)
            || name.StartsWith("windows-125", StringComparison.Ordinal);
    }

    /// <summary>Follows the markup from <see cref="_scan"/> to the end of the bytes read, and stops in the middle of a token when they end there.</summary>
    private void Scan()
    {
        var bytes = _buffer;
        while (_scan < _end)
        {
            switch (_state)
            {
                case State.Content:
                {
                    if (!_inText)
                    {
                        // Between records: in the elements that hold them, or outside the root.
                        _inText = _textIsWhitespace = true;
                        _textBetweenRecords = _matched == _depth && _depth < _path.Length;
                        _textStart = _whitespaceTo = _scan;
                    }

                    var at = bytes.AsSpan(_scan, _end - _scan).IndexOf((byte)'<');
                    var textEnd = at < 0 ? _end : _scan + at;
                    if (_textIsWhitespace && _textBetweenRecords)
                    {
                        textEnd = CollapseWhitespace(textEnd, textEnds: at >= 0);
                    }

                    if (at < 0)
                    {
                        _scan = _end;
                        return;
                    }

                    _inText = false;
                    _tokenStart = textEnd;
                    _scan = _tokenStart + 1;
                    _state = State.Open;
                    break;
                }

                case State.Open:
                    switch (bytes[_scan])
                    {
                        case (byte)'/':
                            _state = State.EndTag;
                            _scan++;
                            break;
                        case (byte)'?':
                            _state = State.ProcessingInstruction;
                            _scan++;
                            break;
                        case (byte)'!':
                            _state = State.Bang;
                            _scan++;
                            break;
                        default:
                            _state = State.StartTag;
                            _quote = 0;
                            break;
                    }

                    break;

                case State.Bang:
                    // "<!--", "<![CDATA[" or a declaration ("<!DOCTYPE"): decided on the first bytes after "<!".
                    if (_end - _tokenStart < 4)
                    {
                        return;
                    }

                    if (bytes[_tokenStart + 2] == '-' && bytes[_tokenStart + 3] == '-')
                    {
                        _state = State.Comment;
                        _scan = _tokenStart + 4;
                    }
                    else if (bytes[_tokenStart + 2] == '[')
                    {
                        if (_end - _tokenStart < 9)
                        {
                            return;
                        }

                        _state = State.CData;
                        _scan = _tokenStart + 9;
                    }
                    else
                    {
                        _state = State.Declaration;
                        _scan = _tokenStart + 2;
                        _quote = 0;
                        _brackets = 0;
                    }

                    break;

                case State.Comment:
                    if (!SkipTo("-->"u8))
                    {
                        return;
                    }

                    break;

                case State.CData:
                    if (!SkipTo("]]>"u8))
                    {
                        return;
                    }

                    break;

                case State.ProcessingInstruction:
                    if (!SkipTo("?>"u8))
                    {
                        return;
                    }

                    break;

                case State.EndTag:
                {
                    var at = bytes.AsSpan(_scan, _end - _scan).IndexOf((byte)'>');
                    if (at < 0)
                    {
                        _scan = _end;
                        return;
                    }

                    _scan += at + 1;
                    _state = State.Content;
                    EndElement(_scan);
                    break;
                }

                case State.StartTag:
                {
                    // From quote to quote with vectorized searches: a '>' inside an attribute value does not end the tag.
                    if (!SkipToTagEnd())
                    {
                        return;
                    }

                    var selfClosing = bytes[_scan - 1] == '/';
                    _longestTag = Math.Max(_longestTag, _scan - _tokenStart);
                    var record = StartElement(selfClosing);
                    _scan++;
                    _state = State.Content;
                    if (record && !selfClosing)
                    {
                        _firstRecordBody = Math.Min(_firstRecordBody, _shifted + _scan);
                        // Inside a record nothing else is counted: its end is found with a few searches (see SkipRecordBody).
                        SetRecordName(QualifiedName());
                        _tokenStart = _checkedTo = _scan;
                        _state = State.RecordBody;
                    }

                    break;
                }

                case State.RecordBody:
                    if (!SkipRecordBody())
                    {
                        return;
                    }

                    break;

                case State.Declaration:
                    // Rare (a DOCTYPE): byte by byte, with its internal subset in brackets. In the subset, quotes are literals'
                    // only outside comments and PIs, which are skipped whole ("<!-- don't -->" is a valid comment there).
                    for (; _scan < _end; _scan++)
                    {
                        var b = bytes[_scan];
                        if (_quote != 0)
                        {
                            if (b == _quote)
                            {
                                _quote = 0;
                            }
                        }
                        else if (b is (byte)'"' or (byte)'\'')
                        {
                            _quote = b;
                        }
                        else if (b == '[')
                        {
                            _brackets++;
                        }
                        else if (b == ']')
                        {
                            _brackets--;
                        }
                        else if (b == '>' && _brackets <= 0)
                        {
                            break;
                        }
                        else if (b == '<' && _brackets > 0)
                        {
                            if (_end - _scan < 4)
                            {
                                return;   // decided when the next bytes arrive
                            }

                            if (bytes.AsSpan(_scan, 4).SequenceEqual("<!--"u8))
                            {
                                _scan += 4;
                                _state = State.DeclarationComment;
                                break;
                            }

                            if (bytes[_scan + 1] == '?')
                            {
                                _scan += 2;
                                _state = State.DeclarationProcessingInstruction;
                                break;
                            }
                        }
                    }

                    if (_state != State.Declaration)
                    {
                        break;
                    }

                    if (_scan == _end)
                    {
                        return;
                    }

                    _scan++;
                    _state = State.Content;
                    break;

                case State.DeclarationComment:
                    if (!SkipTo("-->"u8, State.Declaration))
                    {
                        return;
                    }

                    break;

                case State.DeclarationProcessingInstruction:
                    if (!SkipTo("?>"u8, State.Declaration))
                    {
                        return;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Takes the whitespace of the text being scanned, up to <paramref name="textEnd"/>, out of the buffer once there is
    /// <see cref="CollapseThreshold"/> of it, and owes the reader a run of line breaks and spaces in its place, so that a
    /// response padded between its records does not fill memory. The reader sees as many line breaks (CR LF and CR count
    /// as one, as it counts them) and as many characters after the last one: the same lines and positions for all that
    /// follows. Only where whitespace is not data: in the elements that hold the records, and outside the root, where the
    /// generated parsers skip text. What the reader sees does not depend on how the bytes arrived: once a run is begun, the
    /// rest of the whitespace joins it when the text ends (<paramref name="textEnds"/>: at markup or at the end of the
    /// response), and the reader is not given the text until then (<see cref="Deliverable"/>). Returns where the text now
    /// ends.
    /// </summary>
    private int CollapseWhitespace(int textEnd, bool textEnds)
    {
        if (_buffer.AsSpan(_whitespaceTo, textEnd - _whitespaceTo).IndexOfAnyExcept(" \t\r\n"u8) >= 0)
        {
            _textIsWhitespace = false;
            return textEnd;
        }

        _whitespaceTo = textEnd;
        var from = Math.Max(_textStart, _read);
        // A CR at the end stays a byte: an LF may follow it in the next bytes (one line break with it).
        var to = !textEnds && textEnd > from && _buffer[textEnd - 1] == '\r' ? textEnd - 1 : textEnd;

        // The run this whitespace continues, if the last one is still owed and ends here.
        var run = _runs.Count > 0 && _lastRun!.Offset == from ? _lastRun : null;
        if (to - from < (run is not null && textEnds ? 1 : CollapseThreshold))
        {
            return textEnd;
        }

        if (_batches is not null)
        {
            // A batch holds bytes as they came: it ends before whitespace taken out of the buffer, and lines are counted first.
            CloseBatch();
            _lines.CountTo(_buffer, to);
            _lines.ContinueAt(from);
        }

        if (run is null)
        {
            _lastRun = run = new OwedRun { Offset = from };
            _runs.Enqueue(run);
        }

        run.Add(_buffer.AsSpan(from, to - from));
        _collapsedAt = _shifted + from;
        var removed = to - from;
        Buffer.BlockCopy(_buffer, to, _buffer, from, _end - to);
        _end -= removed;
        _scan = Math.Min(_scan, from);
        _textStart = from;
        _whitespaceTo = textEnd - removed;
        return textEnd - removed;
    }

    /// <summary>
    /// What the reader is owed at <see cref="Offset"/> in the buffer instead of bytes: whitespace taken out (<see cref="Breaks"/>
    /// LFs, then <see cref="Spaces"/> spaces), or a batch's placeholder (<see cref="Prefix"/>, the batch's line breaks and
    /// spaces, in place of the <see cref="Skip"/> bytes of the batch).
    /// </summary>
    private sealed class OwedRun
    {
        private bool _afterCr;

        public int Offset { get; set; }

        /// <summary>For a batch's placeholder: the element written first.</summary>
        public byte[] Prefix { get; init; } = [];

        /// <summary>For a batch's placeholder: the bytes of the batch, skipped once the placeholder is written.</summary>
        public int Skip { get; init; }

        public long Breaks { get; set; }

        public long Spaces { get; set; }

        private int _prefixWritten;

        /// <summary>Whether this is a batch's placeholder whose element the reader has not been given whole yet.</summary>
        public bool PlaceholderPending => _prefixWritten < Prefix.Length;

        public long Length => Prefix.Length - _prefixWritten + Breaks + Spaces;

        public void Add(ReadOnlySpan<byte> whitespace)
        {
            foreach (var b in whitespace)
            {
                if (b == '\n' && _afterCr)
                {
                    _afterCr = false;   // CR LF: one line break
                }
                else if (b is (byte)'\r' or (byte)'\n')
                {
                    Breaks++;
                    Spaces = 0;
                    _afterCr = b == '\r';
                }
                else
                {
                    Spaces++;
                    _afterCr = false;
                }
            }
        }

        public int WriteTo(Span<byte> buffer)
        {
            var prefix = Math.Min(buffer.Length, Prefix.Length - _prefixWritten);
            Prefix.AsSpan(_prefixWritten, prefix).CopyTo(buffer);
            _prefixWritten += prefix;
            buffer = buffer.Slice(prefix);
            var breaks = (int)Math.Min(buffer.Length, Breaks);
            buffer.Slice(0, breaks).Fill((byte)'\n');
            var spaces = (int)Math.Min(buffer.Length - breaks, Spaces);
            buffer.Slice(breaks, spaces).Fill((byte)' ');
            Breaks -= breaks;
            Spaces -= spaces;
            return prefix + breaks + spaces;
        }
    }

    /// <summary>Moves <see cref="_scan"/> onto the '>' that ends the start tag, or returns false at the end of the bytes (the quote state kept).</summary>
    private bool SkipToTagEnd()
    {
        while (true)
        {
            var rest = _buffer.AsSpan(_scan, _end - _scan);
            if (_quote != 0)
            {
                var close = rest.IndexOf(_quote);
                if (close < 0)
                {
                    _scan = _end;
                    return false;
                }

                _quote = 0;
                _scan += close + 1;
                continue;
            }

            var at = rest.IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
            if (at < 0)
            {
                _scan = _end;
                return false;
            }

            _scan += at;
            if (_buffer[_scan] == '>')
            {
                return true;
            }

            _quote = _buffer[_scan];
            _scan++;
        }
    }

    /// <summary>
    /// Moves past <paramref name="terminator"/> and on to state <paramref name="next"/>, or returns false at the end of the
    /// bytes, to look again from there when more arrive.
    /// </summary>
    private bool SkipTo(ReadOnlySpan<byte> terminator, State next = State.Content)
    {
        var at = _buffer.AsSpan(_scan, _end - _scan).IndexOf(terminator);
        if (at < 0)
        {
            // The terminator may begin in the last bytes.
            _scan = Math.Max(_scan, _end - (terminator.Length - 1));
            return false;
        }

        _scan += at + terminator.Length;
        _state = next;
        return true;
    }

    /// <summary>
    /// Inside a record (its content begins at <see cref="_tokenStart"/>), finds the record's end tag with vectorized searches
    /// instead of following every tag: a search for the end tag, then a walk from one CDATA section, comment or PI to the
    /// next (each skipped whole, so what they hold does not count) that checks the bytes between them hold no start tag of
    /// the record's name (so the end tag is not a nested element's). Outside those sections every '&lt;' begins a tag: it
    /// cannot stand raw in text or attribute values. A record the walk cannot vouch for (a nested element of the record's
    /// name, other "&lt;!" markup) is followed tag by tag from its start like the rest of the markup. Returns false when
    /// the bytes end first, to go on from <see cref="_scan"/> and <see cref="_checkedTo"/> when more arrive.
    /// </summary>
    private bool SkipRecordBody()
    {
        var end = _recordEnd;
        while (true)
        {
            var at = _buffer.AsSpan(_scan, _end - _scan).IndexOf(end);
            if (at < 0)
            {
                // The end tag may begin in the last bytes.
                _scan = Math.Max(_scan, _end - end.Length + 1);
                return false;
            }

            var tag = _scan + at;
            var after = tag + end.Length;
            if (after == _end)
            {
                _scan = tag;
                return false;
            }

            if (!IsNameEnd(_buffer[after]))
            {
                _scan = tag + 1;   // a longer name that begins with the record's ("</SCAN_TYPE")
                continue;
            }

            switch (CheckContent(tag))
            {
                case Content.Tags:
                    _tokenStart = tag;
                    _scan = after;
                    _state = State.EndTag;
                    return true;
                case Content.EndTagInSection:
                    _scan = Math.Max(tag + 1, _checkedTo);
                    continue;
                case Content.Incomplete:
                    _scan = tag;
                    return false;
                default:
                    _scan = _tokenStart;
                    _state = State.Content;
                    return true;
            }
        }
    }

    private enum Content
    {
        Tags,
        EndTagInSection,
        Incomplete,
        Unsure,
    }

    /// <summary>
    /// Walks the record's content from <see cref="_checkedTo"/> to the end tag found at <paramref name="tag"/>, skipping CDATA
    /// sections, comments and PIs, and advances <see cref="_checkedTo"/> past what it has vouched for.
    /// </summary>
    private Content CheckContent(int tag)
    {
        // Most records hold no start tag of their own name at all: one search over the whole content says so, and the
        // stretches between sections need no search of their own. (A name cut short by a section's '<' counts as one.)
        var content = _buffer.AsSpan(_checkedTo, tag - _checkedTo);
        var startTags = HasRecordStartTag(content, endsBeforeMarkup: true);
        if (!startTags && content.IndexOf("<?"u8) < 0 && content.IndexOf("<!--"u8) < 0)
        {
            // No PI, no comment: the only sections are CDATA sections, and the end tag is in one only if the last to begin
            // before it is still open (a CDATA section cannot hold "]]>": the first after its start ends it). Two searches
            // instead of two for every section. Other "<!" markup cannot stand in an element: the reader fails on it.
            var last = content.LastIndexOf("<![CDATA["u8);
            if (last < 0 || content.Slice(last + 9).IndexOf("]]>"u8) >= 0)
            {
                _checkedTo = tag;
                return Content.Tags;
            }
        }

        var nextPi = -1;   // not yet searched
        while (true)
        {
            var rest = _buffer.AsSpan(_checkedTo, tag - _checkedTo);
            var bang = rest.IndexOf("<!"u8);
            if (nextPi < _checkedTo)
            {
                var pi = rest.IndexOf("<?"u8);
                nextPi = pi < 0 ? int.MaxValue : _checkedTo + pi;
            }

            var section = bang < 0 ? nextPi : Math.Min(_checkedTo + bang, nextPi);
            if (section == int.MaxValue)
            {
                if (startTags && HasRecordStartTag(rest))
                {
                    return Content.Unsure;
                }

                _checkedTo = tag;
                return Content.Tags;
            }

            if (startTags && HasRecordStartTag(_buffer.AsSpan(_checkedTo, section - _checkedTo)))
            {
                return Content.Unsure;
            }

            _checkedTo = section;
            ReadOnlySpan<byte> terminator;
            int from;
            if (_buffer[section + 1] == '?')
            {
                terminator = "?>"u8;
                from = section + 2;
            }
            else if (_end - section < 9)
            {
                return Content.Incomplete;
            }
            else if (_buffer.AsSpan(section, 4).SequenceEqual("<!--"u8))
            {
                terminator = "-->"u8;
                from = section + 4;
            }
            else if (_buffer.AsSpan(section, 9).SequenceEqual("<![CDATA["u8))
            {
                terminator = "]]>"u8;
                from = section + 9;
            }
            else
            {
                return Content.Unsure;
            }

            var close = _buffer.AsSpan(from, _end - from).IndexOf(terminator);
            if (close < 0)
            {
                return Content.Incomplete;
            }

            _checkedTo = from + close + terminator.Length;
            if (_checkedTo > tag)
            {
                return Content.EndTagInSection;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="content"/> (free of CDATA, comments and PIs) holds a start tag of the record's name; with
    /// <paramref name="endsBeforeMarkup"/>, also a name followed by '&lt;' (the end of a stretch that a section follows).
    /// </summary>
    private bool HasRecordStartTag(ReadOnlySpan<byte> content, bool endsBeforeMarkup = false)
    {
        var start = _recordStart;
        while (true)
        {
            var at = content.IndexOf(start);
            if (at < 0)
            {
                return false;
            }

            // The content is followed by more markup, so a name running to its last byte is not known to be the record's.
            // An empty element ("<SCAN/>") has no end tag to be mistaken for the record's, but is not told apart here.
            var after = at + start.Length;
            if (after >= content.Length || IsNameEnd(content[after]) || (endsBeforeMarkup && content[after] == '<'))
            {
                return true;
            }

            content = content.Slice(at + 1);
        }
    }

    private static bool IsNameEnd(byte b) => b is (byte)'>' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'/';

    private void SetRecordName(ReadOnlySpan<byte> name)
    {
        if (_recordStart.Length == name.Length + 1 && _recordStart.AsSpan(1).SequenceEqual(name))
        {
            return;
        }

        _recordStart = new byte[name.Length + 1];
        _recordStart[0] = (byte)'<';
        name.CopyTo(_recordStart.AsSpan(1));
        _recordEnd = new byte[name.Length + 2];
        _recordEnd[0] = (byte)'<';
        _recordEnd[1] = (byte)'/';
        name.CopyTo(_recordEnd.AsSpan(2));
    }

    /// <summary>Counts an element opened; returns whether it is a record.</summary>
    private bool StartElement(bool selfClosing)
    {
        _depth++;
        var record = false;
        if (_matched == _depth - 1 && _depth <= _path.Length && NameIs(_path[_depth - 1]))
        {
            _matched = _depth;
            var name = QualifiedName();
            _longestPathName = Math.Max(_longestPathName, name.Length);
            if (_pathNames[_depth - 1] is not { } known || !name.SequenceEqual(known))
            {
                _pathNames[_depth - 1] = name.ToArray();
            }
            if (_depth == _path.Length)
            {
                record = true;
                if (!_tracking || _hiddenDepth == 0)
                {
                    // Counted as the cursor counts the records it stops at (see FillAsync): not those of a container it skips,
                    // which its reader skips without a stop, so a fill must go past them to the next record or the end.
                    _recordStarts++;
                    if (!_fillsWindow)
                    {
                        // Only fills read them (a synchronous Parse in split mode fills in its reads, by the window alone).
                        _recordStartEnds.Enqueue(new RecordStop(_received - _end + _scan + 1, _shifted + _scan + 1));
                    }
                }

                if (_tracking && _hiddenDepth == 0)
                {
                    _openOrdinal = ++_visibleRecords;
                    _openStart = _shifted + _tokenStart;
                }

                if (_batches is not null)
                {
                    StartRecordToCut();
                }
            }
            else if (_tracking && _hiddenDepth == 0)
            {
                // A container: the cursor skips a repeat of one the schema allows once, and the records in it.
                var level = _depth - 1;
                if (_seen[level] && !_repeatable[level])
                {
                    _hiddenDepth = _depth;
                }
                else
                {
                    _seen[level] = true;
                    Array.Clear(_seen, level + 1, _seen.Length - level - 1);
                }
            }

            if (!record && (_batches is not null || _pending is not null))
            {
                ReadAncestorScope(_depth - 1);
            }
        }

        if (!record && _open is not null && _depth <= _path.Length)
        {
            // Something other than a record among the records: a batch holds consecutive records only.
            CloseBatch();
        }

        if (selfClosing)
        {
            EndElement(_scan + 1);
        }

        return record;
    }

    /// <summary>Counts an element closed; <paramref name="end"/> is the offset just past its end tag (or empty-element tag).</summary>
    private void EndElement(int end)
    {
        // An end tag with no element open ("</a><ROOT>") is not well-formed: the reader reports it; the count stays sane.
        if (_depth == 0)
        {
            return;
        }

        if (_matched == _depth)
        {
            if (_depth == _path.Length && _splitRecordStart >= 0)
            {
                _openOrdinal = 0;   // cut out: the cursor takes it from its batch, never from the bytes
                RecordCut(_shifted + end);
            }
            else if (_openOrdinal != 0 && _depth == _path.Length)
            {
                RecordEnded(_shifted + end);
            }

            _matched--;
        }

        if (_open is not null && _depth < _path.Length)
        {
            CloseBatch();   // the records' container ends
        }

        if (_depth == _hiddenDepth)
        {
            _hiddenDepth = 0;
        }

        _depth--;
    }

    private void RecordEnded(long end)
    {
        if (_openOrdinal == _currentOrdinal)
        {
            _currentEnd = end;
        }
        else
        {
            _spans.Enqueue(new RecordSpan(_openOrdinal, _openStart, end));
        }

        _openOrdinal = 0;
    }

    /// <summary>
    /// Turns on split mode: each run of consecutive records in the response (up to <see cref="XmlRecordBatches.BatchBytesFor"/>)
    /// is cut out as it is scanned and handed to <paramref name="batches"/>, and the reader gets in its place an empty element
    /// of the record's name followed by the run's line breaks and the spaces that bring the column to where the run ended,
    /// so that every position the reader reports after it is the response's. A record is not cut out (the reader reads it) when
    /// it is the last and the response ends inside it, when its name has a prefix, or when it lies in a container that the
    /// cursor skips or whose namespace declarations cannot be read.
    /// </summary>
    /// <param name="batches">Where batches go.</param>
    /// <param name="synchronous">Whether the reader's reads keep the window of bytes ahead full (a synchronous <c>Parse</c>);
    /// otherwise <see cref="FillAsync"/> does.</param>
    /// <param name="after">For a record stream (not <paramref name="synchronous"/>): 0 to cut from the first record, or how many
    /// bytes of the response to receive first (a response whose length is unknown). Until then the records are read as without
    /// split mode, and the scan reads the records' ancestors as split mode does; split mode begins on the first
    /// record the reader comes to after that many bytes with the scan outside markup (see <see cref="SplitIfDue"/>), and the
    /// first record cut is the first whose start tag comes after that.</param>
    internal void Split(XmlRecordBatches batches, bool synchronous, long after = 0)
    {
        _levelNamespaces = new (string Prefix, string Uri)[_path.Length][];
        _levelSpaces = new System.Xml.XmlSpace[_path.Length];
        _levelUnsplittable = new bool[_path.Length];
        _levelTags = new byte[]?[_path.Length];
        if (after > 0 && !synchronous)
        {
            _pending = batches;
            _pendingAfter = after;
            return;
        }

        BeginSplit(batches, synchronous);
    }

    private void BeginSplit(XmlRecordBatches batches, bool synchronous)
    {
        _batches = batches;
        batches.StartWorkers();   // before the first batch is cut, so that the workers are running when it comes
        _fillsWindow = synchronous;
        var knownLength = _received == 0 ? XmlRecordBatches.KnownLength(_source) : -1;
        _batchBytes = XmlRecordBatches.BatchBytesFor(knownLength, batches.Parallelism);
        _window = (int)Math.Min(Math.Max(4L * batches.Parallelism * _batchBytes, 64 * 1024), _limit / 2);

        // Room for the window and as much again three times over, so that the bytes kept (what the reader has not passed,
        // the batches it has still to take) are seldom moved, nor the buffer grown a step at a time; no more than a response
        // of known length needs.
        var size = Math.Min(_limit, 4L * _window);
        if (knownLength >= 0)
        {
            size = Math.Min(size, knownLength + MinimumRead);
        }

        if (size > _buffer.Length && !_readingAhead)
        {
            // (Begun part way with a read running into the buffer, it grows by MakeRoom once the read is taken.)
            Grow((int)size);
        }
    }

    /// <summary>
    /// Begins the split mode that <see cref="Split"/> left pending, once the response has brought the bytes it was to wait for:
    /// on a record the reader has just come to (see <see cref="BeginRecord"/>), whose name it reports at
    /// <paramref name="at"/>, when the scan is outside markup. What the reader has been given ends there or before, so every
    /// record cut from then on begins after it; lines are counted from the record's start tag on, from where the reader is
    /// (its positions are the response's: whitespace taken out is owed to it as lines and spaces), so that nothing is counted
    /// before split mode begins. Not on a record after which whitespace has been taken out of the buffer already (a response
    /// padded between every two records, with 4 KB or more, stays on one thread).
    /// </summary>
    internal void SplitIfDue(System.Xml.IXmlLineInfo at)
    {
        if (_pending is null || _received < _pendingAfter || _currentOrdinal == 0 || _ended || _wholeDocument
            || _state is not (State.Content or State.RecordBody) || !at.HasLineInfo())
        {
            return;
        }

        if (_collapsedAt >= _currentStart)
        {
            // Whitespace past the record was taken out of the buffer, its lines not counted (the reader may have been given
            // them already): not from this record, then.
            return;
        }

        // The reader reports an element where its name begins, one past the '<'.
        _lines.StartAt((int)(_currentStart - _shifted), at.LineNumber, at.LinePosition - 1);
        var batches = _pending;
        _pending = null;
        BeginSplit(batches, synchronous: false);
        ReadPendingScopes();
    }

    private void StartRecordToCut()
    {
        _splitRecordStart = -1;
        var name = QualifiedName();
        // Not a record whose start tag the reader may have been given already. Split mode begins outside markup (see
        // SplitIfDue), so none is; checked all the same, for such a record would reach the reader twice.
        var eligible = _tokenStart >= _read && (!_tracking || _hiddenDepth == 0) && name.IndexOf((byte)':') < 0 && Array.IndexOf(_levelUnsplittable, true) < 0;
        if (!eligible)
        {
            CloseBatch();
            return;
        }

        if (!name.SequenceEqual(_splitName))
        {
            CloseBatch();
            _splitName = name.ToArray();
        }

        _splitRecordStart = _shifted + _tokenStart;
    }

    private void RecordCut(long end)
    {
        var start = _splitRecordStart;
        _splitRecordStart = -1;
        if (_open is null)
        {
            // Where a batch begins is counted when it begins (the batch before may have closed while this record was being
            // scanned); the batch's own lines are counted once, when it closes.
            _lines.CountTo(_buffer, (int)(start - _shifted));
            _open = new OpenBatch(start, _lines.Line, _lines.Column, _splitName, CurrentNamespaces(), CurrentSpace());
        }

        _open.Bounds.Add(start);
        _open.Bounds.Add(end);
        _open.End = end;
        if (end - _open.Start >= CutLength())
        {
            CloseBatch();
        }
    }

    /// <summary>
    /// The length at which the open batch is cut: the batch length, but a quarter and a half of it for the first two, so that
    /// the workers, already waiting, start sooner (a parse of 1,000 SCAN on two threads took about 5 % less, by alternating
    /// loops; cutting the last batches of a response of known length shorter as well did not help).
    /// </summary>
    private int CutLength() => _batchNumber < 2 ? _batchBytes >> (2 - _batchNumber) : _batchBytes;

    /// <summary>Dispatches the records gathered so far as one batch, and puts its placeholder in its place.</summary>
    private void CloseBatch()
    {
        var open = _open;
        if (open is null)
        {
            return;
        }

        _open = null;
        var from = (int)(open.Start - _shifted);
        var length = (int)(open.End - open.Start);
        var batch = _buffer.AsSpan(from, length);
        var bounds = new int[open.Bounds.Count];
        for (var i = 0; i < bounds.Length; i++)
        {
            bounds[i] = (int)(open.Bounds[i] - open.Start);
        }

        // The placeholder, then the batch's line breaks, then spaces up to the column the batch ended at.
        // The placeholder names its batch (qg="token-number", the token random per response, so the response cannot forge
        // one) wherever the batch has room for it on its last line; a batch too short for that is known by its position alone.
        var id = _batchToken + "-" + (++_batchNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (breaks, tail) = _lines.LineBreaks(batch);
        var placeholder = Placeholder(open.Name, id);
        if (breaks == 0 && tail < _lines.Characters(placeholder))
        {
            placeholder = Placeholder(open.Name, null);
            id = null;
        }

        var spaces = breaks == 0 ? tail - _lines.Characters(placeholder) : tail;
        if (_lines.Offset == from)
        {
            // The batch's lines are the counter's too: it moves past the batch without a second count.
            _lines.Skip(length, open.Line, open.Column, breaks, tail);
        }

        _lastRun = new OwedRun { Offset = from, Skip = length, Prefix = placeholder, Breaks = breaks, Spaces = spaces };
        _runs.Enqueue(_lastRun);

        // A worker decodes UTF-8 unless told otherwise (an encoding .NET does not know fails the reader at line 1 anyway).
        var encoding = _lines.OneBytePerCharacter ? DeclaredEncoding() : null;
        // The batch reads its bytes where they are: the buffer is lent to it (see MakeRoom).
        if (_lent?.Array != _buffer)
        {
            _lent = new SharedBytes(_buffer);
        }

        _batches!.Dispatch(new RecordBatch(_lent, from, length, open.Line, open.Column, id, encoding, open.Namespaces, open.Space, bounds));
    }

    /// <summary>An empty element of the record's name, with <c>qg="<paramref name="id"/>"</c> unless that is null.</summary>
    private static byte[] Placeholder(byte[] name, string? id)
    {
        var attribute = id is null ? [] : Encoding.ASCII.GetBytes(" " + XmlRecordBatches.PlaceholderAttribute + "=\"" + id + "\"");
        var placeholder = new byte[name.Length + attribute.Length + 3];
        placeholder[0] = (byte)'<';
        name.CopyTo(placeholder, 1);
        attribute.CopyTo(placeholder, 1 + name.Length);
        placeholder[^2] = (byte)'/';
        placeholder[^1] = (byte)'>';
        return placeholder;
    }

    /// <summary>The namespace declarations of the records' ancestors, in scope at the records.</summary>
    private (string Prefix, string Uri)[] CurrentNamespaces()
    {
        List<(string Prefix, string Uri)>? all = null;
        for (var level = 0; level < _path.Length - 1; level++)
        {
            if (_levelNamespaces[level] is { Length: > 0 } declared)
            {
                (all ??= new()).AddRange(declared);
            }
        }

        return all?.ToArray() ?? [];
    }

    /// <summary>The <c>xml:space</c> in scope at the records: the innermost their ancestors declare (whitespace under "preserve" is data).</summary>
    private System.Xml.XmlSpace CurrentSpace()
    {
        for (var level = _path.Length - 2; level >= 0; level--)
        {
            if (_levelSpaces[level] != System.Xml.XmlSpace.None)
            {
                return _levelSpaces[level];
            }
        }

        return System.Xml.XmlSpace.None;
    }

    /// <summary>
    /// On the start tag of the records' container at <paramref name="level"/>: the namespaces and the <c>xml:space</c> it
    /// declares, which a batch parsed on its own needs.
    /// </summary>
    private void ReadAncestorScope(int level)
    {
        _levelUnsplittable[level] = false;
        _levelNamespaces[level] = [];
        _levelSpaces[level] = System.Xml.XmlSpace.None;
        _levelTags[level] = null;
        var tag = _buffer.AsSpan(_tokenStart, _scan + 1 - _tokenStart);
        if (tag.IndexOf("xmlns"u8) < 0 && tag.IndexOf("xml:space"u8) < 0)
        {
            return;
        }

        if (_batches is null)
        {
            // Split mode may never begin (most responses are small): the tag is kept, and read if it does (ReadPendingScopes).
            _levelTags[level] = tag.ToArray();
            return;
        }

        ReadAncestorScope(level, tag);
    }

    /// <summary>Reads the scopes of the tags <see cref="ReadAncestorScope(int)"/> kept before split mode began.</summary>
    private void ReadPendingScopes()
    {
        for (var level = 0; level < _levelTags.Length; level++)
        {
            if (_levelTags[level] is { } tag)
            {
                _levelTags[level] = null;
                ReadAncestorScope(level, tag);
            }
        }
    }

    private void ReadAncestorScope(int level, ReadOnlySpan<byte> tag)
    {
        var encoding = DeclaredEncoding();
        if (encoding is null)
        {
            _levelUnsplittable[level] = true;
            return;
        }

        try
        {
            var text = encoding.GetString(tag);
            if (!text.EndsWith("/>", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 1) + "/>";
            }

            using var reader = System.Xml.XmlReader.Create(new StringReader(text), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            reader.MoveToContent();
            _levelSpaces[level] = reader.XmlSpace;
            var declared = new List<(string Prefix, string Uri)>();
            while (reader.MoveToNextAttribute())
            {
                if (reader.Prefix == "xmlns")
                {
                    declared.Add((reader.LocalName, reader.Value));
                }
                else if (reader.Name == "xmlns")
                {
                    declared.Add((string.Empty, reader.Value));
                }
            }

            _levelNamespaces[level] = declared.ToArray();
        }
        catch (System.Xml.XmlException)
        {
            // Left to the reader to report: the records below it are not cut out.
            _levelUnsplittable[level] = true;
        }
    }

    private sealed class OpenBatch(long start, int line, int column, byte[] name, (string Prefix, string Uri)[] namespaces, System.Xml.XmlSpace space)
    {
        public long Start { get; } = start;

        public long End { get; set; }

        public int Line { get; } = line;

        public int Column { get; } = column;

        public byte[] Name { get; } = name;

        public (string Prefix, string Uri)[] Namespaces { get; } = namespaces;

        public System.Xml.XmlSpace Space { get; } = space;

        public List<long> Bounds { get; } = new();
    }


    /// <summary>
    /// Keeps the bytes of each record for <see cref="CurrentRecordXml"/>, numbering the records as <see cref="XmlRecordCursor"/>
    /// reaches them: a container the schema allows once is skipped after its first occurrence (<paramref name="repeatable"/>
    /// false at its index of the record path), and its records are not counted. Called before the first fill.
    /// </summary>
    internal void TrackRecords(bool[] repeatable)
    {
        _tracking = true;
        _repeatable = (bool[])repeatable.Clone();
        Array.Resize(ref _repeatable, _path.Length);
        _seen = new bool[_path.Length];
    }

    /// <summary>
    /// The reader is on the start tag of record <paramref name="ordinal"/> (counted from 1, as the cursor counts them): its
    /// bytes are kept until the next record begins, and those of the records before it are let go.
    /// </summary>
    internal void BeginRecord(int ordinal)
    {
        _currentOrdinal = 0;
        _currentEnd = -1;
        while (_spans.TryPeek(out var span) && span.Ordinal <= ordinal)
        {
            _spans.Dequeue();
            if (span.Ordinal == ordinal)
            {
                (_currentOrdinal, _currentStart, _currentEnd) = (ordinal, span.Start, span.End);
                return;
            }
        }

        if (_openOrdinal == ordinal && _openStart >= _shifted)
        {
            (_currentOrdinal, _currentStart) = (ordinal, _openStart);
        }
    }

    /// <summary>
    /// The reader has passed records up to <paramref name="ordinal"/> without stopping on them (a batch's, read by a worker):
    /// the bytes of the record it last stopped on are no longer kept for it.
    /// </summary>
    internal void PassRecords(int ordinal)
    {
        _currentOrdinal = 0;
        _currentEnd = -1;
        while (_spans.TryPeek(out var span) && span.Ordinal <= ordinal)
        {
            _spans.Dequeue();
        }
    }

    /// <summary>The most bytes of a record <see cref="CurrentRecordXml"/> decodes: 64 KiB.</summary>
    internal const int MaxRawXmlBytes = 64 * 1024;

    /// <summary>
    /// The XML of the record the reader is on (see <see cref="BeginRecord"/>), decoded from its bytes as they came, from the
    /// '&lt;' of its start tag to the '&gt;' of its end tag, in the response's encoding: its first <see cref="MaxRawXmlBytes"/>
    /// (cut back to a whole character) followed by "…" when it is longer. Null when the bytes are not at hand: no record
    /// tracked, its end tag not scanned, a response read whole (UTF-16, an encoding that is not ASCII-compatible), or an
    /// encoding .NET does not know.
    /// </summary>
    internal string? CurrentRecordXml()
    {
        if (_currentOrdinal == 0 || _currentEnd < 0 || _buffer.Length == 0)
        {
            return null;
        }

        var start = _currentStart - _shifted;
        var end = _currentEnd - _shifted;
        if (start < 0 || end > _end || end < start)
        {
            return null;
        }

        return DeclaredEncoding() is { } encoding ? RawXml(_buffer.AsSpan((int)start, (int)(end - start)), encoding) : null;
    }

    /// <summary>The encoding the XML declaration names (UTF-8 when none), or null when .NET does not know it.</summary>
    private Encoding? DeclaredEncoding()
    {
        try
        {
            return _encodingName is null ? Encoding.UTF8 : Encoding.GetEncoding(_encodingName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A record's bytes as text, for <see cref="QualysXmlDeviation.RawXml"/>: at most <see cref="MaxRawXmlBytes"/> of them, cut short with "…".</summary>
    internal static string RawXml(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (bytes.Length <= MaxRawXmlBytes)
        {
            return encoding.GetString(bytes);
        }

        var cut = MaxRawXmlBytes;
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // Not in the middle of a character: back to the first byte of the one the cut falls in.
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
            {
                cut--;
            }
        }

        return encoding.GetString(bytes.Slice(0, cut)) + "…";
    }

    private readonly record struct RecordSpan(int Ordinal, long Start, long End);

    /// <summary>Where a record's start tag ends: in bytes received (for the read-ahead), and kept (see <see cref="_shifted"/>).</summary>
    private readonly record struct RecordStop(long Received, long Kept);

    /// <summary>Whether the local name (after any prefix) of the start tag at <see cref="_tokenStart"/> is <paramref name="name"/>.</summary>
    private bool NameIs(byte[] name)
    {
        var qualified = QualifiedName();
        var colon = qualified.LastIndexOf((byte)':');
        return qualified.Slice(colon + 1).SequenceEqual(name);
    }

    /// <summary>The name, with any prefix, of the start tag at <see cref="_tokenStart"/> (<see cref="_scan"/> on or after its '>').</summary>
    private ReadOnlySpan<byte> QualifiedName()
    {
        var tag = _buffer.AsSpan(_tokenStart + 1, _scan - _tokenStart - 1);
        var length = tag.IndexOfAny(" \t\r\n/>"u8);
        return length < 0 ? tag : tag.Slice(0, length);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _batches?.Dispose();
            _pending?.Dispose();
        }

        var abandoned = disposing && _readingAhead;
        if (abandoned)
        {
            // Left with a read running (the enumeration ended early): the source may still write to the buffer, which is
            // therefore not given back to the pool (nor, if a batch holds it, by the batch); what the read ends with is
            // observed, never thrown. The buffers moved off before are given back as usual.
            _readingAhead = false;
            _ahead.AsTask().ContinueWith(static read => _ = read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _lent = null;
        }

        if (disposing && _buffer.Length > 0)
        {
            if (!abandoned && Reclaim())
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            foreach (var retired in _retired)
            {
                retired.Release();
            }

            _retired.Clear();
            _buffer = [];
            _read = _end = _scan = _tokenStart = 0;
            _runs.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>How many bytes the reader has been given.</summary>
    public override long Position
    {
        get => _delivered;
        set => throw new NotSupportedException();
    }
}
