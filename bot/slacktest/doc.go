// Package slacktest is a fake Slack for end-to-end tests of Connect Coach.
//
// A Server listens on 127.0.0.1 and speaks the two protocols the bot uses:
//
//   - the Web API under APIURL ("http://127.0.0.1:PORT/api/", with the trailing
//     slash slack-go needs): apps.connections.open, auth.test, users.info,
//     chat.postEphemeral, chat.postMessage, views.open, views.push,
//     views.update and views.publish, each with the wire format slack-go
//     v0.35.0 uses (form bodies with the token field for chat.* and users.*,
//     JSON with a Bearer token for views.*), plus response_url endpoints
//     created by ResponseURL;
//   - Socket Mode: apps.connections.open hands out a single-use
//     ws://127.0.0.1:PORT/ws?ticket=N URL; the WebSocket sends "hello",
//     PING control frames every second (SetPingInterval), the envelopes a test
//     pushes with Send, and records the acks that come back (WaitAck, Acks).
//
// Every Web API request is recorded as a Call (Calls, WaitCall), including
// requests that were refused or failed on purpose with Fail. Disconnect,
// DropConnection, CloseConnection and SendRaw exercise the client's reconnect
// and error paths.
//
// Tests drive the real slack-go socketmode client against it:
//
//	srv := slacktest.NewServer()
//	defer srv.Close()
//	api := slack.New("xoxb-test",
//		slack.OptionAppLevelToken("xapp-test"),
//		slack.OptionAPIURL(srv.APIURL()))
//	client := socketmode.New(api, socketmode.OptionPingInterval(3*time.Second))
//	go client.RunContext(ctx)
//	srv.WaitConnected(ctx, 1)
//	id, _ := srv.Send(slacktest.Envelope{Type: "slash_commands", Payload: cmd})
//	ack, _ := srv.WaitAck(ctx, id)
//
// Only the newest WebSocket connection is "current": Send, SendRaw,
// Disconnect, DropConnection and CloseConnection act on it. The fake checks
// tokens by prefix only (xapp- for apps.connections.open, xoxb- for the
// rest) and does not model trigger_id expiry, response_url use limits or
// envelope redelivery; a test that needs those errors injects them with Fail
// or Send.
package slacktest
