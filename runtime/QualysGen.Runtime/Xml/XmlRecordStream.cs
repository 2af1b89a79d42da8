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
public sealed partial class XmlRecordStream : ForwardReadStream
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
    private ValueTask<int> _ahead;       // a read from the source into Room begun before it was needed (see ReadOnWhileAtHand)
    private bool _readingAhead;          // ... and not taken yet
    private bool _scanDeferred;          // reads are not scanned as they come (see TryTakeWhole)
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

        ReadOnAtHand(record, static (stream, record) => stream._batches is not null ? stream._end - stream._read < stream._window : stream.WantsAhead(record), cancellationToken);
    }

    /// <summary>
    /// Takes what a read begun earlier has brought, and reads on while <paramref name="wants"/> more and a read completes as it
    /// is begun. Returns when the source has ended, <paramref name="wants"/> no more, a read is left running (its bytes taken
    /// at the next fill or read), or the bytes kept fill all the stream may hold (the reader is to take some first).
    /// </summary>
    private void ReadOnAtHand<TState>(TState state, Func<XmlRecordStream, TState, bool> wants, CancellationToken cancellationToken)
    {
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

            if (!wants(this, state) || !MakeRoom(required: false))
            {
                return;
            }

            _ahead = BeginReadAhead(Room, cancellationToken);
            _readingAhead = true;
        }
    }

    /// <summary>
    /// Before anything is read, without split mode: reads on while the source has bytes at hand (as
    /// <see cref="ReadOnWhileAtHand"/> does, never waiting), up to <paramref name="limit"/> bytes, without scanning them; when
    /// the response ends within them, copies all of it into <paramref name="whole"/> (rented from
    /// <see cref="ArrayPool{T}.Shared"/>, to give back) and returns true: this stream is then at its end. Otherwise returns
    /// false: what was read is scanned, buffered for the reader, and a read left running is taken at the next fill.
    /// </summary>
    internal bool TryTakeWhole(long limit, CancellationToken cancellationToken, out ArraySegment<byte> whole)
    {
        whole = default;
        if (_received != 0 || _readingAhead || _batches is not null || _fillsWindow)
        {
            return false;
        }

        _scanDeferred = true;
        try
        {
            ReadOnAtHand(limit, static (stream, limit) => stream._received <= limit, cancellationToken);
        }
        finally
        {
            _scanDeferred = false;
        }

        // Nothing was dropped from the buffer (the reader has had nothing) and nothing taken out (nothing was scanned): it
        // holds the response from its first byte. A read that ended the source began at or below the limit.
        if (_ended && _received <= limit)
        {
            var taken = ArrayPool<byte>.Shared.Rent(Math.Max(_end, 1));
            _buffer.AsSpan(0, _end).CopyTo(taken);
            whole = new ArraySegment<byte>(taken, 0, _end);
            _read = _end;
            _delivered = _end;
            return true;
        }

        // What was read is scanned now (the first record may be in it, and the rest of the response may wait for it to be
        // read). While a read left running writes into the buffer, the scan takes no whitespace out (CollapseWhitespace).
        if (_checkedEncoding && !_wholeDocument)
        {
            Scan();
        }

        return false;
    }

    /// <summary>
    /// Begins a read that nobody awaits yet outside the caller's <see cref="SynchronizationContext"/>. A source whose
    /// continuations go back to the context it was called on (an <c>await</c> without <c>ConfigureAwait(false)</c>) would
    /// otherwise need that context to finish the read, and a synchronous read waiting for it there
    /// (<see cref="SettleReadAhead"/>) would wait for ever: a UI thread's context runs one thing at a time.
    /// </summary>
    private ValueTask<int> BeginReadAhead(Memory<byte> room, CancellationToken cancellationToken)
    {
        var context = SynchronizationContext.Current;
        if (context is null)
        {
            return _source.ReadAsync(room, cancellationToken);
        }

        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return _source.ReadAsync(room, cancellationToken);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
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

        if (_checkedEncoding && !_wholeDocument && !_scanDeferred)
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
