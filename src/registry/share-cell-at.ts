import type { ShareCell, SharePicture } from './consolidate-shares.js';
import type { Right } from './right.js';
import { covers } from '../lookups/index.js';

/** The cell of a share picture that holds one right in one country (by TIS code), if the country is known. */
export function shareCellAt(picture: SharePicture, right: Right, tis: number): ShareCell | undefined {
  return picture.cells.find((cell) => cell.right === right && covers(cell.territories, tis));
}
