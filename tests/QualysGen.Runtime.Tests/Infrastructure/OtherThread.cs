using System;
using System.Threading;

namespace QualysGen.Runtime.Tests.Infrastructure;

/// <summary>Runs a test's body on a thread of its own, for what a thread keeps (thread-static caches), and rethrows its failure.</summary>
internal static class OtherThread
{
    public static void Run(Action action)
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
}
