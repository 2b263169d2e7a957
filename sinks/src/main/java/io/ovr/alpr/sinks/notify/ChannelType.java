package io.ovr.alpr.sinks.notify;

/** How a channel delivers alerts. */
public enum ChannelType {
    /** HTTP POST of the alert as JSON, signed with HMAC-SHA256. */
    WEBHOOK,
    /** A Slack incoming webhook: a one-line text message. */
    SLACK,
    /** An e-mail over SMTP. */
    EMAIL
}
