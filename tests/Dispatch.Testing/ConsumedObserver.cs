using System.Collections.Concurrent;
using MassTransit;

namespace Dispatch.Testing;

/// <summary>Lets a test await the moment the bus finished consuming a given message id.</summary>
public sealed class ConsumedObserver : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waits = new();

    public Task WaitAsync(Guid messageId, TimeSpan? timeout = null) =>
        _waits.GetOrAdd(messageId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
            .Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
            _waits.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.MessageId is { } id)
            _waits.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetException(exception);
        return Task.CompletedTask;
    }
}
