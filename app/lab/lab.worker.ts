// The lab's Web Worker: experiments train here so the page never freezes.
import { handleRunRequest } from "@/lib/lab/worker-handler";

self.onmessage = (event: MessageEvent) => handleRunRequest(event.data, (message) => self.postMessage(message));
