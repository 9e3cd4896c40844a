namespace BigDL.Kernel.Execution;

/// <summary>Whether code typed so far can run as it is (Jupyter's <c>is_complete_reply</c> statuses).</summary>
public enum Completeness
{
    /// <summary>Ready to run.</summary>
    Complete,

    /// <summary>More lines are expected (an open brace, an unfinished statement).</summary>
    Incomplete,

    /// <summary>It can never become valid by appending text.</summary>
    Invalid,

    /// <summary>The session cannot tell.</summary>
    Unknown,
}
