package io.ovr.alpr.sinks.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** The e-mail channel: one plain-text message per alert over SMTP (optionally STARTTLS and authenticated). */
final class EmailNotifier implements Notifier {

    private final ChannelConfig config;
    private final Session session;

    EmailNotifier(ChannelConfig config) {
        this.config = config;
        Properties props = new Properties();
        props.put("mail.smtp.host", config.smtpHost());
        props.put("mail.smtp.port", Integer.toString(config.smtpPort() == 0 ? 25 : config.smtpPort()));
        String timeout = Long.toString(config.timeout().toMillis());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        props.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
        boolean auth = config.username() != null;
        props.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(),
                        config.password() == null ? "" : config.password());
            }
        }) : Session.getInstance(props);
    }

    @Override
    public int deliver(AlertMessage message) throws DeliveryException {
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(config.from(), true));
            for (String to : config.to()) {
                mail.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            mail.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            mail.setHeader("X-Alpr-Alert-Id", message.alertId());
            mail.setText(message.summary() + "\n\n" + message.json() + "\n", StandardCharsets.UTF_8.name());
            Transport.send(mail);
            return 250;
        } catch (SendFailedException e) {
            boolean anyValid = e.getValidUnsentAddresses() != null && e.getValidUnsentAddresses().length > 0;
            throw new DeliveryException("SMTP refused: " + e.getMessage(), anyValid, null, e);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP: " + e.getMessage(), true, null, e);
        }
    }
}
