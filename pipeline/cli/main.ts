// Placeholder until the CLI lands.
export async function main(_argv: string[]): Promise<number> {
  console.log('rollwatch: not yet');
  return 0;
}
