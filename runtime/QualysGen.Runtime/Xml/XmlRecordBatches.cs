using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Xml;

namespace QualysGen.Xml;

/// <summary>
/// The records of one response parsed on several threads (<see cref="QualysXmlOptions.MaxDegreeOfParallelism"/>). An
/// <see cref="XmlRecordStream"/> in split mode cuts runs of consecutive records (batches) out of the response as it reads it,
/// hands each to this scheduler, and gives the parse's own reader, in the batch's place, a placeholder: an empty element of
/// the record's name at the batch's position, followed by the batch's line breaks, so that every position after it is what
/// it was. Worker threads parse the batches, each with its own reader and name table, into items, deviations and drift; the
/// parse's thread, on meeting a placeholder, takes the batch's results in document order (parsing queued batches itself while
/// it waits) and reports them as if it had read the records. Not meant to be used by hand.
/// </summary>
/// <remarks>
/// A batch is parsed as a fragment whose line and column offsets are where it began, so that every line, position, path,
/// deviation, drift and exception is the one a single thread reports. The first fault in document order is thrown, on the
/// parse's thread, where a single thread would have thrown it. Memory holds the batches read ahead of the parse (a window a few
/// batches per thread long) and their results until taken.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class XmlRecordBatches : IDisposable
{
    /// <summary>The AppContext data <c>QualysGen.Xml.ParallelBatchBytes</c>: the size every batch is cut at, or 0 (see <see cref="BatchBytesFor"/>).</summary>
    private static readonly int ConfiguredBatchBytes = Setting("QualysGen.Xml.ParallelBatchBytes", 0, 0);

    /// <summary>
    /// The size a batch is cut at (it ends at the first record end past it): 128 KiB, or for a response whose length is known,
    /// a sixteenth of each thread's share up to 1 MiB, so that a large response is not cut into thousands of batches (each
    /// costs a reader and its buffers); or the AppContext data <c>QualysGen.Xml.ParallelBatchBytes</c> (at least 256). A
    /// synchronous <c>Parse</c> of unknown length sizes its batches anew for what has arrived, after each batch (100,000 SCAN:
    /// 10 % less allocated a call); a record stream keeps 128 KiB, so that its window ahead does not grow with the response.
    /// </summary>
    internal static int BatchBytesFor(long knownLength, int parallelism)
        => ConfiguredBatchBytes > 0 ? Math.Max(ConfiguredBatchBytes, 256)
            : (int)Math.Clamp(knownLength / Math.Max(1, 16L * parallelism), 128 * 1024, 1024 * 1024);

    /// <summary>
    /// The default of <see cref="QualysXmlOptions.ParallelThresholdBytes"/>: 128 KiB, or the AppContext data
    /// <c>QualysGen.Xml.ParallelThresholdBytes</c>. On two threads here a list of 50 SCAN (120 KB) parsed in 0.86 of the time
    /// of one, 100 SCAN (240 KB) in 0.73, 400 SCAN in 0.54 (the record stream 0.81, 0.70, 0.48); at 60 KB the gain was
    /// within the noise (benchmarks README, run Z).
    /// </summary>
    internal static readonly long ThresholdBytes = Setting("QualysGen.Xml.ParallelThresholdBytes", 128 * 1024, 0);

    /// <summary>The parallelism used when the options leave it to the parser and the response is large enough: the processor count, at most 8, or the AppContext data <c>QualysGen.Xml.DefaultParallelism</c>.</summary>
    internal static readonly int AutomaticParallelism = Setting("QualysGen.Xml.DefaultParallelism", Math.Min(Environment.ProcessorCount, 8), 1);

    /// <summary>
    /// How long (ms) a worker with no batch to parse waits for one before going back to the thread pool: long enough for the
    /// gaps of a parse from memory (1 ms did as well as 10 here; leaving right after the spin made a parse of 2.4 MB 10-25 %
    /// slower), short enough that a record stream waiting on its network does not hold pool threads.
    /// </summary>
    private const int WorkerLinger = 2;

    /// <summary>How long (in <see cref="Stopwatch"/> ticks) a worker with no batch spins before it blocks: 50 microseconds.</summary>
    private static readonly long WorkerSpin = Stopwatch.Frequency / 20_000;

    /// <summary>The attribute by which a placeholder names its batch.</summary>
    internal const string PlaceholderAttribute = "qg";

    private readonly object _gate = new();
    private readonly Queue<RecordBatch> _queued = new();   // not claimed by a thread yet, in document order
    private readonly Queue<RecordBatch> _issued = new();   // not taken by the parse yet, in document order
    private readonly Stack<object> _idle = new();          // the state of workers that have gone back to the pool
    private readonly int _maxWorkers;
    private int _workers;
    private volatile int _queuedCount;                     // _queued.Count, read by workers spinning outside the lock
    private bool _disposed;
    private object? _ownWorker;

    private protected XmlRecordBatches(QualysXmlOptions? options, int parallelism, string[] ancestors, bool recordStream)
    {
        Options = options;
        Parallelism = parallelism;
        Ancestors = ancestors;
        RecordStream = recordStream;
        _maxWorkers = parallelism - 1;
    }

    /// <summary>How many threads parse records at once, the parse's own included.</summary>
    public int Parallelism { get; }

    /// <summary>The parse's own context: where taken results are reported.</summary>
    public XmlParseContext? Context { get; set; }

    private protected QualysXmlOptions? Options { get; }

    /// <summary>
    /// Whether workers take the indentation out of a batch before reading it (<see cref="IndentationRemover"/>): until a batch
    /// reports a deviation, drift or fault, whose positions need the batch as it came. The AppContext switch
    /// <c>QualysGen.Xml.KeepIndentation</c> turns it off.
    /// </summary>
    private protected bool RemovesIndentation
    {
        get => Volatile.Read(ref _removesIndentation);
        set => Volatile.Write(ref _removesIndentation, value);
    }

    private bool _removesIndentation = !KeepIndentation;

    /// <summary>The AppContext switch <c>QualysGen.Xml.KeepIndentation</c>: no response or batch is read without its indentation.</summary>
    internal static readonly bool KeepIndentation = AppContext.TryGetSwitch("QualysGen.Xml.KeepIndentation", out var keep) && keep;

    /// <summary>The names of the records' ancestors, root first.</summary>
    private protected string[] Ancestors { get; }

    /// <summary>Whether the records are a record stream's (their deviations carry their raw XML; each stops on its end tag).</summary>
    private protected bool RecordStream { get; }

    /// <summary>
    /// How many threads to parse the records of <paramref name="stream"/> with, and (<paramref name="after"/>) how many of its
    /// bytes to read first on one thread: 0, or, when the options leave the parallelism open and the response's length is
    /// unknown, <see cref="QualysXmlOptions.ParallelThresholdBytes"/> (a record stream goes on with several threads once
    /// that much has arrived).
    /// </summary>
    internal static int ParallelismFor(Stream stream, QualysXmlOptions? options, out long after)
    {
        after = 0;
        if (options?.MaxDegreeOfParallelism is int requested)
        {
            return requested;
        }

        if (AutomaticParallelism < 2)
        {
            return 1;
        }

        // A threshold of 0 means every response from its start, its length known or not.
        var threshold = (options ?? QualysXmlOptions.Default).ParallelThresholdBytes;
        var length = threshold == 0 ? 0 : KnownLength(stream);
        if (length < 0)
        {
            after = threshold;
            return AutomaticParallelism;
        }

        return length >= threshold ? AutomaticParallelism : 1;
    }

    /// <summary>
    /// For a generated synchronous <c>Parse</c>: the response to read and how many threads to parse its records with (the
    /// options' <see cref="QualysXmlOptions.MaxDegreeOfParallelism"/>, or, when they leave it open, several for a response of at
    /// least <see cref="QualysXmlOptions.ParallelThresholdBytes"/>, one for a smaller one). When the length of
    /// <paramref name="stream"/> is unknown before reading (a network or decompressing stream), its first
    /// <see cref="QualysXmlOptions.ParallelThresholdBytes"/> are read first to learn its size: a response that ends within them
    /// is parsed on one thread, a longer one on several, from its first record. Those bytes are held in pooled buffers until
    /// the reader has passed them. On one thread, so that a short response can be read without its indentation
    /// (<see cref="XmlParseInput.TryParseWithoutIndentation"/>), one of known length up to 1 MiB is read into one pooled
    /// segment first, and of one of unknown length the first 128 KiB are read first when the options ask for one thread.
    /// Dispose the input when done; <paramref name="stream"/> itself is not disposed.
    /// </summary>
    public static XmlParseInput Open(Stream stream, QualysXmlOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var limits = options ?? QualysXmlOptions.Default;
        var parallelism = ParallelismFor(stream, options, out var after);
        if (after == 0 && parallelism == 1 && !(stream is XmlDocumentBuffer || (stream is MemoryStream memory && memory.TryGetBuffer(out _))))
        {
            // One thread: a response held whole is read without its indentation (XmlParseInput.TryParseWithoutIndentation).
            // One of known length up to the limit is read into memory first, in one segment; of one of unknown length the
            // first 128 KiB are peeked, and it is held whole if it ends within.
            var known = KnownLength(stream);
            if (known is > 0 and <= XmlParseInput.WholeLimit && known < limits.MaxBufferedBytes)
            {
                return new XmlParseInput(XmlDocumentBuffer.Peek(stream, known + 1, (int)known), 1, owned: true);
            }

            after = known < 0 ? Math.Min(XmlParseInput.WholePeek, limits.MaxBufferedBytes) : 0;
        }

        if (after == 0)
        {
            return new XmlParseInput(stream, parallelism, owned: false);
        }

        var peeked = XmlDocumentBuffer.Peek(stream, Math.Min(after, limits.MaxBufferedBytes));
        return new XmlParseInput(peeked, peeked.Remaining is >= 0 and var length && length < after ? 1 : parallelism, owned: true);
    }

    /// <summary>How many bytes are left to read in <paramref name="stream"/>, when that is known before reading; else -1.</summary>
    internal static long KnownLength(Stream stream)
    {
        try
        {
            return stream switch
            {
                XmlDocumentBuffer buffer => buffer.Remaining,
                { CanSeek: true } => stream.Length - stream.Position,
                _ => -1,
            };
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }

    /// <summary>
    /// For a generated <c>Parse</c> with <paramref name="parallelism"/> above 1: the response as its reader is to read it, records
    /// cut out (see <see cref="XmlRecordStream"/>), and <paramref name="context"/> set to take them. Dispose the stream when done.
    /// </summary>
    public static XmlRecordStream Split<TNames, T>(
        Stream stream,
        QualysXmlOptions? options,
        int parallelism,
        XmlParseContext context,
        string[] recordPath,
        bool[] repeatable,
        Func<TNames> newNames,
        Func<TNames, XmlReaderSettings> settings,
        Func<XmlReader, TNames, XmlParseContext, T> read)
    {
        var batches = new XmlRecordBatches<TNames, T>(options, parallelism, recordPath[..^1], recordStream: false, newNames, settings, read) { Context = context };
        var limit = (int)Math.Min((options ?? QualysXmlOptions.Default).MaxBufferedBytes, Array.MaxLength);
        var records = new XmlRecordStream(stream, Math.Max(limit, 64 * 1024), recordPath);
        records.TrackRecords(repeatable);
        records.Split(batches, synchronous: true);
        context.Records = batches;
        return records;
    }

    /// <summary>
    /// Starts the workers before the first batch is cut, so that they are running when it comes (a thread the pool has to wake
    /// takes a while to start: 0.36-0.51 ms on this virtual machine, about a tenth of a parse of 2.4 MB); each waits for
    /// batches for <see cref="WorkerLinger"/> before going back to the pool.
    /// </summary>
    internal void StartWorkers()
    {
        int count;
        lock (_gate)
        {
            count = _disposed ? 0 : _maxWorkers - _workers;
            _workers += count;
        }

        for (var i = 0; i < count; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static batches => batches.Work(), this, preferLocal: false);
        }
    }

    /// <summary>Queues a batch cut out of the response, and starts a worker for it if fewer than allowed are running.</summary>
    internal void Dispatch(RecordBatch batch)
    {
        var start = false;
        lock (_gate)
        {
            if (_disposed)
            {
                batch.ReturnBytes();
                return;
            }

            _issued.Enqueue(batch);
            _queued.Enqueue(batch);
            _queuedCount++;
            if (_workers < _maxWorkers)
            {
                _workers++;
                start = true;
            }

            // Wakes a worker waiting for a batch (and the parse's thread if it waits, which looks again and waits on).
            Monitor.PulseAll(_gate);
        }

        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static batches => batches.Work(), this, preferLocal: false);
        }
    }

    private void Work()
    {
        object? worker = null;
        while (true)
        {
            SpinForBatch();
            RecordBatch? batch;
            lock (_gate)
            {
                batch = _disposed ? null : Claim();

                // No batch yet: the parse cuts the next one soon, unless it has ended (disposed) or waits on its source.
                while (batch is null && !_disposed && Monitor.Wait(_gate, WorkerLinger))
                {
                    batch = _disposed ? null : Claim();
                }

                batch ??= _disposed ? null : Claim();
                if (batch is null)
                {
                    // Back to the pool until the next batch; its names, settings and context wait for the next worker.
                    _workers--;
                    if (worker is not null)
                    {
                        _idle.Push(worker);
                    }

                    return;
                }

                worker ??= _idle.TryPop(out var idle) ? idle : null;
            }

            worker ??= CreateWorker();

            Run(worker, batch, "worker");
        }
    }

    /// <summary>
    /// Spins for <see cref="WorkerSpin"/> at most while no batch is queued: a batch usually follows soon, and a thread that
    /// blocks is slow to wake.
    /// </summary>
    private void SpinForBatch()
    {
        if (_queuedCount > 0)
        {
            return;
        }

        var until = Stopwatch.GetTimestamp() + WorkerSpin;
        while (_queuedCount == 0 && !Volatile.Read(ref _disposed) && Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
    }

    /// <summary>Takes the first queued batch that is still wanted (under the lock); null when none is queued.</summary>
    private RecordBatch? Claim()
    {
        while (_queued.TryDequeue(out var batch))
        {
            _queuedCount--;
            if (batch.State == RecordBatch.Discarded)
            {
                batch.ReturnBytes();
                continue;
            }

            batch.State = RecordBatch.Running;
            return batch;
        }

        return null;
    }

    /// <summary>Parses <paramref name="batch"/> and counts it on the meter, tagged with the <paramref name="thread"/> that parsed it and how it was read.</summary>
    private void Run(object worker, RecordBatch batch, string thread)
    {
        try
        {
            batch.Result = Parse(worker, batch);
        }
        finally
        {
            batch.ReturnBytes();
            lock (_gate)
            {
                batch.State = RecordBatch.Done;
                Monitor.PulseAll(_gate);
            }
        }

        XmlTelemetry.Batches.Add(1, new KeyValuePair<string, object?>("thread", thread), new KeyValuePair<string, object?>("indentation", batch.Indentation));
    }

    /// <summary>
    /// The batch whose placeholder <paramref name="reader"/> is on, or null when the element is a record the parse reads itself.
    /// Batches before it were skipped by the parse (their container left out, or a repeat of one allowed once): their results
    /// are dropped unreported, as a single thread never read them.
    /// </summary>
    private protected RecordBatch? Find(XmlReader reader)
    {
        if (!reader.IsEmptyElement || reader is not IXmlLineInfo info)
        {
            return null;
        }

        var line = info.LineNumber;
        var position = info.LinePosition;
        var id = reader.HasAttributes ? reader.GetAttribute(PlaceholderAttribute) : null;
        lock (_gate)
        {
            if (id is not null && !HasIssued(id))
            {
                return null;   // not one of this parse's placeholders: an element of the response
            }

            while (_issued.TryPeek(out var batch))
            {
                // A placeholder that names its batch is that batch's; one too short to is known by its position (the reader
                // reports an element's position at its name, one past the '<' the batch began with).
                var order = id is not null ? (batch.Id == id ? 0 : -1)
                    : batch.Line != line ? batch.Line.CompareTo(line) : (batch.Column + 1).CompareTo(position);
                if (order > 0)
                {
                    return null;
                }

                _issued.Dequeue();
                if (order == 0)
                {
                    return batch;
                }

                if (batch.State == RecordBatch.Queued)
                {
                    batch.State = RecordBatch.Discarded;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a batch not taken yet has <paramref name="id"/> (under the lock).</summary>
    private bool HasIssued(string id)
    {
        foreach (var batch in _issued)
        {
            if (batch.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Waits until <paramref name="batch"/> is parsed, parsing it (or batches after it) on this thread meanwhile.</summary>
    private protected void Wait(RecordBatch batch)
    {
        while (true)
        {
            RecordBatch? next;
            lock (_gate)
            {
                if (batch.State == RecordBatch.Done)
                {
                    return;
                }

                next = Claim();
                if (next is null)
                {
                    Monitor.Wait(_gate);
                    continue;
                }
            }

            Run(_ownWorker ??= CreateWorker(), next, "parse");
        }
    }

    /// <summary>The state one thread parses batches with: its names, reader settings and context.</summary>
    private protected abstract object CreateWorker();

    /// <summary>Parses a batch into its results; never throws (a fault is part of the results).</summary>
    private protected abstract object Parse(object worker, RecordBatch batch);

    /// <summary>
    /// When <paramref name="reader"/> is on the placeholder of a batch, adds the batch's items to <paramref name="items"/> and
    /// reports its deviations and drift as if this thread had read the records, throws the fault it met if any, moves past
    /// the placeholder and returns true; otherwise returns false, and the caller reads the element (a record not cut out).
    /// </summary>
    public bool TryTake<T>(XmlReader reader, ref XmlItems<T> items)
    {
        if (Take(reader) is not RecordBatch.Results<T> results)
        {
            return false;
        }

        for (var i = 0; i < results.Items.Count; i++)
        {
            results.ReplayBefore(Context, i);
            items.Add(results.Items[i]);
        }

        results.Finish(Context);
        reader.Read();
        return true;
    }

    /// <summary>The results of the batch whose placeholder <paramref name="reader"/> is on, once parsed; null when the element is not a placeholder.</summary>
    internal RecordBatch.BatchResults? Take(XmlReader reader)
    {
        var batch = Find(reader);
        if (batch is null)
        {
            return null;
        }

        Wait(batch);
        return (RecordBatch.BatchResults)batch.Result!;
    }

    /// <summary>Stops the workers after the batch each is on and gives back the bytes of the batches not parsed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            while (_queued.TryDequeue(out var batch))
            {
                batch.ReturnBytes();
            }

            _queuedCount = 0;
            Monitor.PulseAll(_gate);   // workers waiting for a batch go back to the pool

            _issued.Clear();
        }

        GC.SuppressFinalize(this);
    }

    private static int Setting(string name, int fallback, int minimum)
    {
        var data = AppContext.GetData(name);
        var value = data switch
        {
            int number => number,
            string text when int.TryParse(text, out var number) => number,
            _ => fallback,
        };
        return Math.Max(value, minimum);
    }
}

/// <summary>Parses batches of <typeparamref name="T"/> records with the generated reader of the record element.</summary>
/// <typeparam name="TNames">The generated names class (one per thread).</typeparam>
/// <typeparam name="T">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class XmlRecordBatches<TNames, T> : XmlRecordBatches
{
    private readonly Func<TNames> _newNames;
    private readonly Func<TNames, XmlReaderSettings> _settings;
    private readonly Func<XmlReader, TNames, XmlParseContext, T> _read;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="options">The parse's options.</param>
    /// <param name="parallelism">How many threads parse at once, the parse's own included (at least 2).</param>
    /// <param name="ancestors">The names of the records' ancestors, root first.</param>
    /// <param name="recordStream">Whether the records are a record stream's.</param>
    /// <param name="newNames">Makes a names instance for a worker thread.</param>
    /// <param name="settings">The reader settings of a names instance.</param>
    /// <param name="read">The generated reader of the record element.</param>
    public XmlRecordBatches(
        QualysXmlOptions? options,
        int parallelism,
        string[] ancestors,
        bool recordStream,
        Func<TNames> newNames,
        Func<TNames, XmlReaderSettings> settings,
        Func<XmlReader, TNames, XmlParseContext, T> read)
        : base(options, parallelism, ancestors, recordStream)
    {
        _newNames = newNames;
        _settings = settings;
        _read = read;
    }

    private protected override object CreateWorker()
    {
        var names = _newNames();
        var settings = _settings(names).Clone();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        return new Worker(names, settings, new XmlParseContext(Options));
    }

    private protected override object Parse(object state, RecordBatch batch)
    {
        var worker = (Worker)state;
        if (RemovesIndentation && batch.Space != XmlSpace.Preserve && worker.Settings is { IgnoreWhitespace: true, IgnoreProcessingInstructions: true } && IndentationRemover.Applies(batch.Encoding))
        {
            var compact = ArrayPool<byte>.Shared.Rent(batch.Length);
            try
            {
                var length = IndentationRemover.Remove(batch.Bytes.AsSpan(batch.Offset, batch.Length), compact);
                if (length >= 0)
                {
                    var result = Parse(worker, batch, compact, 0, length);
                    if (result.Deviations.Count == 0 && result.Drift is null && result.Failure is null)
                    {
                        batch.Indentation = RecordBatch.IndentationRemoved;
                        return result;
                    }

                    batch.Indentation = RecordBatch.ReadAgain;

                    // Its positions are needed: read as it came, as are the batches after it (real data that deviates or
                    // drifts often does so in many records, and each would be read twice).
                    RemovesIndentation = false;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(compact);
            }
        }

        return Parse(worker, batch, batch.Bytes, batch.Offset, batch.Length);
    }

    /// <summary>Parses the batch's records from <paramref name="bytes"/>: its own, or the same without their indentation.</summary>
    private RecordBatch.Results<T> Parse(Worker worker, RecordBatch batch, byte[] bytes, int offset, int length)
    {
        var result = new RecordBatch.Results<T>(batch.RecordBounds.Length / 2);
        var context = worker.Context;
        context.Deferred = deviation => result.Deviations.Add((result.Items.Count, deviation));
        context.RecordDepth = RecordStream ? Ancestors.Length : -1;
        var settings = worker.Settings;
        settings.LineNumberOffset = batch.Line - 1;
        settings.LinePositionOffset = batch.Column - 1;
        var record = 0;
        try
        {
            using var reader = XmlReader.Create(new ForwardArrayStream(bytes, offset, length), settings, batch.ParserContext(settings.NameTable!));
            context.StartBatch(reader, Ancestors);
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                result.Records = ++record;
                if (RecordStream)
                {
                    context.CurrentRecordXml = RecordXmlOf(batch, record - 1);
                }

                try
                {
                    result.Items.Add(_read(reader, worker.Names, context));
                }
                catch (QualysXmlException exception) when (context.Absorbs(exception))
                {
                    context.Omit(reader, exception, Ancestors.Length);
                }

                if (context.TakeRecordEnd())
                {
                    // A record stream's record stops on its end tag; what follows is read only after it is handed over.
                    reader.Read();
                }
            }
        }
        catch (Exception exception)
        {
            result.Failure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            context.TakeRecordEnd();
            context.CurrentRecordXml = null;
            context.Deferred = null;
            result.Drift = context.TakeDrift();
        }

        return result;
    }

    // Its own method, so that the closure is made only for a record stream (a lambda capturing a loop variable allocates for
    // every iteration, whether or not it is made).
    private static Func<string?> RecordXmlOf(RecordBatch batch, int index) => () => batch.RecordXml(index);

    private sealed record Worker(TNames Names, XmlReaderSettings Settings, XmlParseContext Context);
}

/// <summary>A run of consecutive records cut out of a response, where it began, and, once parsed, its results.</summary>
internal sealed class RecordBatch
{
    public const int Queued = 0;
    public const int Running = 1;
    public const int Done = 2;
    public const int Discarded = 3;

    private SharedBytes? _bytes;

    public RecordBatch(SharedBytes bytes, int offset, int length, int line, int column, string? id, Encoding? encoding, (string Prefix, string Uri)[] namespaces, XmlSpace space, int[] recordBounds)
    {
        bytes.Hold();
        _bytes = bytes;
        Offset = offset;
        Length = length;
        Line = line;
        Column = column;
        Id = id;
        Encoding = encoding;
        Namespaces = namespaces;
        Space = space;
        RecordBounds = recordBounds;
    }

    /// <summary>The buffer the batch's bytes are in, from <see cref="Offset"/>: the record stream's, lent until the batch is parsed.</summary>
    public byte[] Bytes => (_bytes ?? throw new ObjectDisposedException(nameof(RecordBatch))).Array;

    /// <summary>Where the batch begins in <see cref="Bytes"/>.</summary>
    public int Offset { get; }

    public int Length { get; }

    /// <summary>The line of the batch's first '&lt;' in the response (from 1).</summary>
    public int Line { get; }

    /// <summary>The column of the batch's first '&lt;' in the response, in characters (from 1).</summary>
    public int Column { get; }

    /// <summary>What its placeholder's <c>qg</c> attribute says, or null when the placeholder has none (too short a batch).</summary>
    public string? Id { get; }

    /// <summary>The response's declared encoding, or null for UTF-8.</summary>
    public Encoding? Encoding { get; }

    /// <summary>The namespace declarations in scope at the records (their ancestors').</summary>
    public (string Prefix, string Uri)[] Namespaces { get; }

    /// <summary>The <c>xml:space</c> in scope at the records (their ancestors'), or <see cref="XmlSpace.None"/>.</summary>
    public XmlSpace Space { get; }

    /// <summary>For each record, its start and end offsets in <see cref="Bytes"/>, in pairs.</summary>
    public int[] RecordBounds { get; }

    public int State { get; set; }

    /// <summary>How the batch was read, for the meter: <see cref="IndentationKept"/>, <see cref="IndentationRemoved"/> or <see cref="ReadAgain"/>.</summary>
    public string Indentation { get; set; } = IndentationKept;

    /// <summary>Read as it came: nothing to take out, or not to be taken out (see <see cref="IndentationRemover"/>).</summary>
    public const string IndentationKept = "kept";

    /// <summary>Read without its indentation.</summary>
    public const string IndentationRemoved = "removed";

    /// <summary>Read without its indentation, then again as it came, for the positions of what it reported.</summary>
    public const string ReadAgain = "read_again";

    public object? Result { get; set; }

    public XmlParserContext? ParserContext(XmlNameTable names)
    {
        if (Namespaces.Length == 0 && Encoding is null && Space == XmlSpace.None)
        {
            return null;
        }

        var manager = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in Namespaces)
        {
            manager.AddNamespace(prefix, uri);
        }

        return new XmlParserContext(names, manager, null, Space, Encoding);
    }

    /// <summary>The XML of record <paramref name="index"/> as it came, for a deviation that leaves it out.</summary>
    public string? RecordXml(int index)
    {
        if (_bytes is null || 2 * index + 1 >= RecordBounds.Length)
        {
            return null;
        }

        var start = RecordBounds[2 * index];
        return XmlRecordStream.RawXml(_bytes.Array.AsSpan(Offset + start, RecordBounds[2 * index + 1] - start), Encoding ?? System.Text.Encoding.UTF8);
    }

    public void ReturnBytes() => Interlocked.Exchange(ref _bytes, null)?.Release();

    /// <summary>What parsing a batch gave: the deviations (each with the number of items read before it), the drift, the fault.</summary>
    public abstract class BatchResults
    {
        private int _replayed;

        public List<(int BeforeItem, QualysXmlDeviation Deviation)> Deviations { get; } = new();

        /// <summary>The records met, read or left out.</summary>
        public int Records { get; set; }

        /// <summary>The records read.</summary>
        public abstract int Count { get; }

        public Dictionary<(QualysXmlDriftKind Kind, string Path, string? Value), XmlParseContext.DriftCount>? Drift { get; set; }

        public ExceptionDispatchInfo? Failure { get; set; }

        /// <summary>Reports, through <paramref name="context"/>, the deviations not reported yet that came before item <paramref name="item"/>.</summary>
        public void ReplayBefore(XmlParseContext? context, int item)
        {
            while (_replayed < Deviations.Count && Deviations[_replayed].BeforeItem <= item)
            {
                context?.Replay(Deviations[_replayed++].Deviation);
            }
        }

        /// <summary>Moves the deviations and the drift from a copy's lines and columns to the response's (see <see cref="XmlParseContext.MapPositions"/>).</summary>
        public void MapPositions(Func<int, int, (int Line, int Column)> map)
        {
            var deviations = Deviations.ConvertAll(static held => held.Deviation);
            XmlParseContext.MapPositions(deviations, Drift, map);
            for (var i = 0; i < deviations.Count; i++)
            {
                Deviations[i] = (Deviations[i].BeforeItem, deviations[i]);
            }
        }

        /// <summary>Reports the rest of the deviations, merges the drift, then throws the fault the batch met, if any.</summary>
        public void Finish(XmlParseContext? context)
        {
            ReplayBefore(context, int.MaxValue);
            if (Drift is { } drift)
            {
                Drift = null;
                context?.MergeDrift(drift);
            }

            Failure?.Throw();
        }
    }

    /// <summary>What parsing a batch of <typeparamref name="T"/> records gave.</summary>
    public sealed class Results<T>(int records) : BatchResults
    {
        public List<T> Items { get; } = new(records);

        public override int Count => Items.Count;
    }
}

/// <summary>
/// A record stream's buffer lent to the batches cut from it, so that a worker reads its records where they were read
/// instead of from a copy: it goes back to the pool when the stream and every batch have let it go. While a batch holds
/// it, the stream does not write to it; it moves to a new buffer instead.
/// </summary>
internal sealed class SharedBytes(byte[] array)
{
    private int _holders = 1;   // the record stream

    public byte[] Array { get; } = array;

    /// <summary>Whether a batch still holds the buffer.</summary>
    public bool Lent => Volatile.Read(ref _holders) > 1;

    public void Hold() => Interlocked.Increment(ref _holders);

    public void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            ArrayPool<byte>.Shared.Return(Array);
        }
    }
}
