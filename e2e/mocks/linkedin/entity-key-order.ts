// The keys of `entities` in the order they were written. JSON.parse cannot tell: a JavaScript object
// lists integer-like keys ("2", "10") first and ascending, so a client that sent notes 10 then 2 would
// look as if it had sent 2 then 10. This scans the (already valid) JSON text instead.

export function entityKeysInTextOrder(text: string): string[] {
  const stack: string[] = [];
  const keys: string[] = [];
  let expectingKey = false;
  let topLevelKey: string | null = null;
  let inEntities = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (stack.at(-1) === "{" && expectingKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (stack.length === 1) topLevelKey = key;
        if (stack.length === 2 && inEntities) keys.push(key);
        expectingKey = false;
      }
      i = j;
    } else if (c === "{") {
      stack.push("{");
      expectingKey = true;
      if (stack.length === 2 && topLevelKey === "entities") inEntities = true;
    } else if (c === "[") {
      stack.push("[");
    } else if (c === "}" || c === "]") {
      if (stack.length === 2) inEntities = false;
      stack.pop();
    } else if (c === ",") {
      expectingKey = stack.at(-1) === "{";
    }
  }
  return keys;
}
