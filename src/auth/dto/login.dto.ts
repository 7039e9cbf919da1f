import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsString } from 'class-validator';

const MESSAGE = 'username and password are required';

export class LoginDto {
  @ApiProperty({ example: 'administrator' })
  @IsString({ message: MESSAGE })
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString({ message: MESSAGE })
  password: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "Zipline's two-factor code, which its login page always sends (null without one); accepted and ignored: there is no two-factor login here",
  })
  @Allow()
  code?: unknown;
}
