using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace QualysGen.Limits;

/// <summary>
/// A first-in, first-out semaphore whose size can change while calls wait: it starts at the client's default and follows
/// <c>X-Concurrency-Limit-Limit</c> once Qualys has said its limit for the API.
/// </summary>
internal sealed class ConcurrencyGate
{
    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _waiters = new();
    private int _capacity;
    private int _inUse;

    public ConcurrencyGate(int capacity) => _capacity = capacity;

    public int Capacity
    {
        get
        {
            lock (_lock)
            {
                return _capacity;
            }
        }
    }

    public int InUse
    {
        get
        {
            lock (_lock)
            {
                return _inUse;
            }
        }
    }

    /// <summary>Waits for a slot; dispose the lease to give it back.</summary>
    public async ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_inUse < _capacity && _waiters.Count == 0)
            {
                _inUse++;
                return new Lease(this);
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        return new Lease(this);
    }

    /// <summary>Changes the number of slots; waiting calls start at once if the gate grew.</summary>
    public void SetCapacity(int capacity)
    {
        lock (_lock)
        {
            if (capacity < 1 || capacity == _capacity)
            {
                return;
            }

            _capacity = capacity;
            Pump();
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                // Already granted a slot; the caller owns it and will give it back.
                return;
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    private void Release()
    {
        lock (_lock)
        {
            _inUse--;
            Pump();
        }
    }

    private void Pump()
    {
        while (_inUse < _capacity && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inUse++;
            first.Value.TrySetResult(true);
        }
    }

    private sealed class Lease : IDisposable
    {
        private ConcurrencyGate? _gate;

        public Lease(ConcurrencyGate gate) => _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
