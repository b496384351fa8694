package vn.bhyt.http;

import java.util.concurrent.CompletionStage;

/**
 * Answers the requests of one route.
 *
 * <p>Called on an event-loop thread: a handler that blocks (JDBC, image decoding) hands its work to
 * an executor and returns the stage.
 */
@FunctionalInterface
public interface RouteHandler {
  CompletionStage<Response> handle(Request request) throws Exception;
}
