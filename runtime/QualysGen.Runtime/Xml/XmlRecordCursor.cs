using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// Walks a response down to its records for a generated record stream (<c>Enumerate…Async</c>), over an
/// <see cref="XmlRecordStream"/>: asynchronous waits for the bytes, synchronous reading, the same element readers as
/// <c>Parse</c>. It reads containers as <c>Parse</c> reads them — a repeated list wrapper adds its records, a repeated
/// single element is skipped after the first — leaves out a record that breaks the schema as <c>Parse</c> leaves out a list
/// item, reads the envelope's other members and attributes as <c>Parse</c> does (through the generated
/// <see cref="XmlEnvelopeLevel"/> of each element around the records), and reads the document to its end, so that both give
/// the same records and the same reports, and fail on the same input, with the same exception. Not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlRecordCursor : IDisposable
{
    private XmlRecordStream? _records;   // null for a response held whole (see ReadWhole)
    private readonly XmlReaderSettings _settings;
    private readonly string[] _path;
    private readonly bool[] _repeatable;
    private readonly Func<int, XmlEnvelopeLevel> _envelope;
    private readonly XmlEnvelopeLevel[] _levels;   // the level of each element the reader is in, from the root down to _level
    private XmlReader? _reader;
    private int _level = -1;    // the index in _path of the element whose content the reader is in; -1 before the root
    private int _index;         // the records positioned on so far
    private bool _ended;
    private XmlRecordBatches? _batches;
    private RecordBatch.BatchResults? _batch;   // the batch whose placeholder the reader is on, while its records are handed over
    private int _batchItem;
    private bool _rootEntered;
    private Func<ArraySegment<byte>, RecordBatch.BatchResults?>? _readWhole;   // until the first record: reads a response held whole
    private long _wholeLimit = XmlParseInput.WholeLimit;
    private XmlRecordStream? _readAgain;      // the response taken whole, to be read as it came (a fault or a record left out)
    private byte[]? _wholeBytes;              // its bytes

    /// <summary>Creates the cursor.</summary>
    /// <param name="records">The buffered response.</param>
    /// <param name="settings">The generated parser's reader settings (its name table atomizes <paramref name="path"/>).</param>
    /// <param name="options">The parse options, or null.</param>
    /// <param name="path">The atomized names from the document element down to the record element.</param>
    /// <param name="repeatable">For each name of <paramref name="path"/>, whether its element may repeat in its parent
    /// (a list wrapper: the records of every occurrence are read); the record itself always repeats.</param>
    /// <param name="envelope">Makes the level of the element at a depth of <paramref name="path"/> (0: the document element,
    /// down to the records' container) as the cursor enters it.</param>
    public XmlRecordCursor(XmlRecordStream records, XmlReaderSettings settings, QualysXmlOptions? options, string[] path, bool[] repeatable, Func<int, XmlEnvelopeLevel> envelope)
    {
        _records = records;
        _settings = settings;
        _path = path;
        _repeatable = repeatable;
        _envelope = envelope;
        _levels = new XmlEnvelopeLevel[path.Length - 1];
        Context = new XmlParseContext(options) { RecordDepth = path.Length - 1 };

        // A record left out for a deviation is reported with its XML as it came: the stream keeps the bytes of the record
        // the reader is on (BeginRecord, in MoveNextAsync) until the next one begins.
        records.TrackRecords(repeatable);
        Context.CurrentRecordXml = records.CurrentRecordXml;
    }

    /// <summary>The state of this enumeration's parse: options, paths, drift.</summary>
    public XmlParseContext Context { get; }

    /// <summary>
    /// Says how the records are read; call once, before the first <see cref="MoveNextAsync"/>.
    /// <para>On several threads when the options ask for it, or leave it open and the response is large enough (see
    /// <see cref="QualysXmlOptions.ParallelThresholdBytes"/>): runs of records are cut out of the response as it arrives and
    /// parsed ahead by workers (see <see cref="XmlRecordBatches"/>) while the records before them are handed over, in order.
    /// A response whose length is unknown is read on one thread until the threshold's bytes have arrived.</para>
    /// <para>On this thread, a response that is at hand whole when the first record is waited for (up to 1 MiB, and below the
    /// threshold unless the options ask for one thread) is read at once, with <paramref name="names"/>, from a copy without its
    /// indentation (see <see cref="ReadWhole"/>), and its records handed over from memory.</para>
    /// </summary>
    public void Start<TNames, T>(TNames names, Func<TNames> newNames, Func<TNames, XmlReaderSettings> settings, Func<XmlReader, TNames, XmlParseContext, T> read)
    {
        if (_reader is not null || _records is null)
        {
            return;
        }

        var parallelism = XmlRecordBatches.ParallelismFor(_records.Source, Context.Options, out var after);
        if (parallelism >= 2)
        {
            _batches = new XmlRecordBatches<TNames, T>(Context.Options, parallelism, _path[..^1], recordStream: true, newNames, settings, read) { Context = Context };
            _records.Split(_batches, synchronous: false, after);
            if (after == 0)
            {
                return;   // every record on the workers
            }

            // Split mode begins once that many bytes have arrived: a response at hand whole below them stays on this thread.
            _wholeLimit = Math.Min(_wholeLimit, after - 1);
        }

        if (!XmlRecordBatches.KeepIndentation && _settings is { IgnoreWhitespace: true, IgnoreProcessingInstructions: true })
        {
            // No larger than the record stream may hold: a response it would refuse a record of is read by it, and refused.
            _wholeLimit = Math.Min(_wholeLimit, Context.Options.MaxRecordBytes);
            _readWhole = whole => ReadWhole(whole, names, read);
        }
    }

    /// <summary>Waits until the next record is buffered whole and positions the reader on it; false once the document has ended.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_ended)
            {
                return false;
            }

            // Once a record, whether it is still to arrive, to be parsed, or handed over from memory.
            cancellationToken.ThrowIfCancellationRequested();
            if (_batch is not null)
            {
                if (_batchItem < _batch.Count)
                {
                    return true;   // TryRead hands it over
                }

                if (_reader is null)
                {
                    // A batch without a reader holds every record of a response read whole (HandOver), all handed over: its
                    // last deviations and its drift.
                    _batch.Finish(Context);
                    _batch = null;
                    _ended = true;
                    Context.Complete();
                    return false;
                }

                // The batch's records are handed over: its last deviations, its drift, its fault; then past its placeholder,
                // with what follows it buffered first.
                await _records!.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
                Guard(static cursor =>
                {
                    var batch = cursor._batch!;
                    cursor._batch = null;
                    batch.Finish(cursor.Context);
                    cursor._reader!.Read();
                    return true;
                });
                continue;
            }

            if (_records is not null && (_reader is null || _records.Splitting))
            {
                if (_readWhole is not null && (_records.Source is MemoryStream ? TryReadWholeInMemory() : TryReadWhole(cancellationToken)))
                {
                    continue;
                }

                await _records.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
            }

            // The start tag of the next record, or the end of the response, is buffered: moving to it reads no source byte.
            if (!Guard(static cursor => cursor.Advance()))
            {
                _ended = true;
                Guard(static cursor =>
                {
                    XmlParsing.ReadToEnd(cursor._reader!);
                    return true;
                });
                Context.Complete();
                return false;
            }

            if (_records is { Splitting: true } && Guard(static cursor => cursor.TakeBatch()))
            {
                continue;
            }

            _index++;
            if (_records is not null)
            {
                _records.BeginRecord(_index);
                _records.SplitIfDue((IXmlLineInfo)_reader!);
                await _records.FillAsync(_index + 1, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
    }

    /// <summary>A cursor that walks a response held whole, from <paramref name="reader"/>, for <see cref="ReadWhole"/>.</summary>
    private XmlRecordCursor(XmlRecordCursor owner, XmlReader reader, XmlParseContext context)
    {
        _settings = owner._settings;
        _path = owner._path;
        _repeatable = owner._repeatable;
        _envelope = owner._envelope;
        _levels = new XmlEnvelopeLevel[_path.Length - 1];
        _reader = reader;
        Context = context;
    }

    /// <summary>
    /// Before the first byte is read, for a response in a <see cref="MemoryStream"/> within <see cref="_wholeLimit"/>: reads it
    /// whole (<see cref="ReadWhole"/>) from the stream's array, or a copy when it does not expose it, without the record
    /// stream's buffer. True when its records are then in <see cref="_batch"/> and the stream is at its end; false, with the
    /// stream where it was, when the response is larger or is to be read as it came.
    /// </summary>
    private bool TryReadWholeInMemory()
    {
        var readWhole = _readWhole!;
        _readWhole = null;
        var memory = (MemoryStream)_records!.Source;
        var start = memory.Position;
        var length = memory.Length - start;
        if (length > _wholeLimit || length <= 0)
        {
            return false;
        }

        byte[]? copy = null;
        if (!memory.TryGetBuffer(out var whole))
        {
            copy = ArrayPool<byte>.Shared.Rent((int)length);
            memory.ReadExactly(copy, 0, (int)length);
            whole = new ArraySegment<byte>(copy, 0, (int)length);
        }
        else
        {
            whole = whole.Slice((int)start);
        }

        try
        {
            var results = readWhole(whole);
            if (results is null)
            {
                memory.Position = start;
                return false;
            }

            memory.Position = memory.Length;
            HandOver(results);
            return true;
        }
        finally
        {
            if (copy is not null)
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
    }

    /// <summary>
    /// Before the first byte is read: when the response is at hand whole within <see cref="_wholeLimit"/>, takes it and reads
    /// it (<see cref="ReadWhole"/>). True when its records are then in <see cref="_batch"/>; false when the response is still
    /// arriving (what arrived is buffered, a read left running), is larger, or is to be read as it came, from the bytes taken
    /// (<see cref="_readAgain"/>).
    /// </summary>
    private bool TryReadWhole(CancellationToken cancellationToken)
    {
        var readWhole = _readWhole!;
        _readWhole = null;
        if (!_records!.TryTakeWhole(_wholeLimit, cancellationToken, out var whole))
        {
            return false;
        }

        var results = readWhole(whole);
        if (results is null)
        {
            // A fault, or a record left out (reported with its XML as it came): read as it came.
            _wholeBytes = whole.Array;
            _records = _readAgain = new XmlRecordStream(new ForwardArrayStream(whole.Array!, 0, whole.Count), Context.Options.MaxRecordBytes, _path);
            _readAgain.TrackRecords(_repeatable);
            Context.CurrentRecordXml = _readAgain.CurrentRecordXml;
            return false;
        }

        ArrayPool<byte>.Shared.Return(whole.Array!);
        HandOver(results);
        return true;
    }

    /// <summary>Hands the records of a response read whole over from memory, as a batch's: the deviations before each record, the drift at the end.</summary>
    private void HandOver(RecordBatch.BatchResults results)
    {
        _batch = results;
        _batchItem = 0;
    }

    /// <summary>
    /// Reads every record of a response held whole, as this cursor would read them one at a time, from a copy without its
    /// indentation (<see cref="IndentationRemover.RemoveFromDocument"/>), which <see cref="XmlReader"/> reads in about two
    /// thirds of the time: a record stream over a small response costs what <c>Parse</c> costs. The deviations are kept with
    /// the record each comes before, and they and the drift are moved to the response's lines and columns
    /// (<see cref="CompactPositions"/>); they are reported as the records are handed over, as a batch's are. Null, with nothing
    /// reported, when the response is to be read as it came: a fault (whose position <see cref="XmlReader"/> reports by where
    /// its buffer was cut, for some faults), a record left out (reported with its XML as it came), or a response whose
    /// indentation cannot be taken out (see <see cref="XmlParseInput.TryParseWithoutIndentation"/>).
    /// </summary>
    private RecordBatch.Results<T>? ReadWhole<TNames, T>(ArraySegment<byte> whole, TNames names, Func<XmlReader, TNames, XmlParseContext, T> read)
    {
        if (!CompactDocument.TryCreate(whole, out var compact))
        {
            return null;
        }

        using (compact)
        {
            var results = new RecordBatch.Results<T>(0);
            var context = new XmlParseContext(Context.Options)
            {
                RecordDepth = Context.RecordDepth,
                HoldsReports = true,
                CurrentRecordXml = static () => throw new ReadAsItCameException(),
            };
            context.Deferred = deviation => results.Deviations.Add((results.Items.Count, deviation));
            try
            {
                using var reader = compact.CreateReader(_settings);
                using var walker = new XmlRecordCursor(this, reader, context);
                while (true)
                {
                    var next = walker.MoveNextAsync(CancellationToken.None);
                    Debug.Assert(next.IsCompleted, "a cursor without a record stream never waits");
                    if (!next.GetAwaiter().GetResult())
                    {
                        break;
                    }

                    if (walker.TryRead(names, read, out var item))
                    {
                        results.Items.Add(item);
                    }
                }
            }
            catch (Exception)
            {
                CompactDocument.CountReadAgain();
                return null;
            }

            results.Drift = context.TakeDrift();
            if (results.Deviations.Count > 0 || results.Drift is not null)
            {
                results.MapPositions(compact.PositionMap());
            }

            CompactDocument.CountRead();
            return results;
        }
    }

    /// <summary>Thrown out of a parse of a response held whole that is to be read as it came instead (see <see cref="ReadWhole"/>).</summary>
    private sealed class ReadAsItCameException : Exception
    {
    }

    /// <summary>When the reader is on a batch's placeholder, waits for the batch's records (parsing batches meanwhile).</summary>
    private bool TakeBatch()
    {
        _batch = _batches!.Take(_reader!);
        if (_batch is null)
        {
            return false;
        }

        _batchItem = 0;
        _index += _batch.Records;   // the records the stream counts, cut out or not
        _records!.PassRecords(_index);
        return true;
    }

    /// <summary>
    /// Reads the record the reader is on with <paramref name="read"/> (the generated element reader). False when the record
    /// breaks the schema and was left out (reported as a deviation); in strict mode that throws instead.
    /// </summary>
    public bool TryRead<TNames, T>(TNames names, Func<XmlReader, TNames, XmlParseContext, T> read, out T item)
    {
        if (_batch is RecordBatch.Results<T> batch)
        {
            batch.ReplayBefore(Context, _batchItem);
            item = batch.Items[_batchItem++];
            return true;
        }

        var reader = _reader!;
        try
        {
            item = read(reader, names, Context);
            return true;
        }
        catch (QualysXmlException exception) when (Context.Absorbs(exception))
        {
            item = default!;
            Guard(cursor =>
            {
                cursor.Context.Omit(reader, exception, cursor._path.Length - 1);
                return true;
            });
            return false;
        }
        catch (QualysXmlException exception)
        {
            throw WithPath(exception);
        }
        catch (Exception exception) when (XmlParsing.IsDocumentFault(exception))
        {
            throw WithPath(XmlParsing.Malformed(exception));
        }
    }

    /// <summary>Runs a synchronous step, turning what the reader throws into the one documented exception with its path.</summary>
    private bool Guard(Func<XmlRecordCursor, bool> step)
    {
        try
        {
            return step(this);
        }
        catch (QualysXmlException exception)
        {
            throw WithPath(exception);
        }
        catch (Exception exception) when (XmlParsing.IsDocumentFault(exception))
        {
            throw WithPath(XmlParsing.Malformed(exception));
        }
    }

    private QualysXmlException WithPath(QualysXmlException exception)
    {
        for (var level = Math.Min(_level, _path.Length - 2); level >= 0; level--)
        {
            exception.PrependPath(_path[level]);
        }

        _ended = true;
        Context.Complete();
        return exception;
    }

    /// <summary>Moves to the next record's start tag, entering and leaving containers as they come; false at the root's end.</summary>
    private bool Advance()
    {
        var reader = _reader ??= XmlReader.Create(_records!, _settings);
        if (!_rootEntered)
        {
            _rootEntered = true;
            XmlParsing.MoveToRoot(reader, _path[0], Context);
            _level = 0;
            Context.Enter(reader, _path[0]);
            if (!Descend(reader))
            {
                return false;
            }
        }

        if (Context.TakeRecordEnd())
        {
            // The record just handed over stopped on its end tag; what follows it is read only now.
            reader.Read();
        }

        var last = _path.Length - 1;
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var next = _level + 1;
                    if (next == last && ReferenceEquals(reader.LocalName, _path[last]))
                    {
                        return true;
                    }

                    // The envelope's other members are read as Parse reads them (and a repeat of one allowed once skipped, as
                    // Parse keeps the first); the next element on the path is entered.
                    if (!ReadEnvelopeChild(reader))
                    {
                        continue;
                    }

                    if (next == last)
                    {
                        return true;
                    }

                    _level = next;
                    Context.Enter(reader, _path[next]);
                    if (!Descend(reader))
                    {
                        return false;
                    }

                    continue;
                case XmlNodeType.EndElement:
                    // What breaks the document past a container's end tag is its parent's fault (as Parse reports it).
                    _levels[_level].End(reader);
                    _level--;
                    reader.Read();
                    if (_level < 0)
                    {
                        return false;
                    }

                    continue;
                case XmlNodeType.None:
                    XmlParsing.EnsureNotAtEnd(reader);
                    return false;
                default:
                    reader.Skip();
                    continue;
            }
        }
    }

    /// <summary>
    /// Reads a child of the envelope element the reader is in with its level. Its elements may lie as deep as the records do
    /// (<c>REQUEST/PARAM_LIST/PARAM</c> beside <c>RESPONSE/LIST/SCAN</c>) but are not records: each ends past its end tag, and a
    /// deviation in it carries no record's XML.
    /// </summary>
    private bool ReadEnvelopeChild(XmlReader reader)
    {
        var recordDepth = Context.RecordDepth;
        Context.RecordDepth = -1;
        try
        {
            return _levels[_level].ReadChild(reader, Context);
        }
        finally
        {
            Context.RecordDepth = recordDepth;
        }
    }

    /// <summary>From the start tag of the container at <see cref="_level"/>, its depth entered, into its content, with a new level
    /// for it: its members start unseen (each time a list wrapper comes again).</summary>
    private bool Descend(XmlReader reader)
    {
        var level = _levels[_level] = _envelope(_level);
        level.Start(reader, Context);
        if (reader.IsEmptyElement)
        {
            level.End(reader);
            _level--;
            reader.Read();
            return _level >= 0;
        }

        reader.Read();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _batches?.Dispose();
        _reader?.Dispose();
        _readAgain?.Dispose();
        if (_wholeBytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_wholeBytes);
            _wholeBytes = null;
        }

        if (!_ended)
        {
            // Left before the end (break, cancellation): the drift seen so far is still reported.
            _ended = true;
            Context.Complete();
        }
    }
}
