import type { IncomingMessage } from "node:http";

export declare const RAW_URL_HEADER: "x-signalhouse-raw-url";
export declare const PEER_ADDRESS_HEADER: "x-signalhouse-peer-address";
export declare function stampRequest(request: IncomingMessage): void;
export declare function answerUndecodablePath(
  request: IncomingMessage,
  response: import("node:http").ServerResponse,
): boolean;
