using System;
using System.Runtime.CompilerServices;
using System.Threading;
using QualysGen.Xml;
using Xunit;

namespace QualysGen.Runtime.Tests;

/// <summary><see cref="XmlThreadCache{T}"/>: one instance per thread, taken once, and let go by a collection.</summary>
public sealed class XmlThreadCacheTests
{
    [Fact]
    public void What_a_thread_keeps_it_takes_back_once()
    {
        RunOnNewThread(() =>
        {
            Assert.Null(XmlThreadCache<Cached>.Take());
            var kept = new Cached();
            XmlThreadCache<Cached>.Keep(kept);

            Assert.Same(kept, XmlThreadCache<Cached>.Take());
            Assert.Null(XmlThreadCache<Cached>.Take());   // taken: a second parse on the thread makes its own
            GC.KeepAlive(kept);
        });
    }

    [Fact]
    public void Another_thread_does_not_see_it()
    {
        var kept = new Cached();
        RunOnNewThread(() => XmlThreadCache<Cached>.Keep(kept));
        RunOnNewThread(() => Assert.Null(XmlThreadCache<Cached>.Take()));
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_collection_lets_go_of_what_nothing_else_holds()
    {
        RunOnNewThread(() =>
        {
            KeepOne();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Null(XmlThreadCache<Cached>.Take());
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void KeepOne() => XmlThreadCache<Cached>.Keep(new Cached());

    private static void RunOnNewThread(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException("On the other thread: " + failure);
        }
    }

    private sealed class Cached;
}
