import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

export class DeleteInviteQueryDto {
  @ApiProperty({
    example: 'ix8iFD',
    description: 'The code of the invite to delete',
  })
  // Checked bottom-up: missing or empty first, then a repeated `code=`.
  @IsString({ message: 'invalid query' })
  @IsNotEmpty({ message: 'no code' })
  code: string;
}
