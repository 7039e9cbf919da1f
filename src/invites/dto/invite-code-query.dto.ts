import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

/** `?code=` of DELETE and of the public lookup, validated by the global pipe. */
export class InviteCodeQueryDto {
  @ApiProperty({ example: 'ix8iFD', description: 'The invite code' })
  // Checked bottom-up: missing or empty first, then a repeated `code=`.
  @IsString({ message: 'invalid query' })
  @IsNotEmpty({ message: 'no code' })
  code: string;
}
