namespace ClientRequests.Messaging;

/// <summary>
/// A consumer's own "not yet": the message came before something it depends on (its item's assignment still on another
/// queue). Retried like a <see cref="TransientFailure"/>, for minutes, instead of going to <c>_error</c> within seconds.
/// </summary>
public class PassingFailureException(string message) : Exception(message);
