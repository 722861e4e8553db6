import { ClefError } from '../errors/clef-error.js';
import { bytesBlob, c2paLibrary } from './c2pa-runtime.js';
import { makeCoseSign1Signer, type C2paSigningIdentity } from './cose-sign1.js';
import { PARENT_INGREDIENT_ID } from './c2pa-manifest.js';

/**
 * Signs a manifest into the file with the reference library (ID3 GEOB for MP3, a RIFF C2PA chunk
 * for WAV); with a parent, the previous file is added as the `parentOf` ingredient so its manifest
 * stays in the store and the history validates.
 */
export async function signC2pa(bytes: Uint8Array, mimeType: string, definition: object, identity: C2paSigningIdentity, parent?: { bytes: Uint8Array; title: string }): Promise<Uint8Array> {
  const { WasmBuilder } = c2paLibrary();
  const builder = WasmBuilder.fromJson(JSON.stringify(definition));
  try {
    if (parent) {
      const ingredient = { title: parent.title, format: mimeType, relationship: 'parentOf', label: PARENT_INGREDIENT_ID };
      await builder.addIngredientFromBlob(JSON.stringify(ingredient), mimeType, bytesBlob(parent.bytes) as unknown as Blob);
    }
    return await builder.sign(makeCoseSign1Signer(identity), [], mimeType, bytesBlob(bytes) as unknown as Blob);
  } catch (error) {
    throw new ClefError('CLEF_LABEL_SIGNING_FAILED', `C2PA signing failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    builder.free();
  }
}
