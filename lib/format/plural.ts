// "1 delivery", "3 deliveries": a count with the word that agrees with it. Default words are the log's.
export const plural = (count: number, one = "delivery", many = "deliveries") => `${count} ${count === 1 ? one : many}`;
