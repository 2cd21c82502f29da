using Dispatch.Contracts.Cases;

namespace Dispatch.Api.Realtime;

/// <summary>What the server pushes to a board. Method names are camelCase on the wire.</summary>
public interface IBoardClient
{
    Task CaseChanged(CaseSummary summary);
}
